import { useMemo } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { useUrlParam } from '../url-state.ts';

/** What a chart element or pattern narrowed the denied-lines table to, with its label. */
export interface Drill {
  label: string;
  filters: Partial<Filters>;
}

const LIST_KEYS = ['payers', 'providers', 'categories', 'procedures', 'diagnoses'] as const;

/** A drill-down read back from the URL; anything malformed (an edited bookmark) is no drill-down. */
function parseDrill(text: string): Drill | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { label, filters } = value as { label?: unknown; filters?: unknown };
    if (typeof label !== 'string' || typeof filters !== 'object' || filters === null) return null;
    const f = filters as Record<string, unknown>;
    const out: Partial<Filters> = {};
    // null: the drill-down lifts the page's filter (a pattern's lines over every month: month undefined)
    if (typeof f.month === 'string' || f.month === null) out.month = f.month ?? undefined;
    if (typeof f.pattern === 'string') out.pattern = f.pattern;
    for (const key of LIST_KEYS) {
      const list = f[key];
      if (Array.isArray(list) && list.every((v) => typeof v === 'string')) out[key] = list;
      else if (list === null) out[key] = undefined;
    }
    return { label, filters: out };
  } catch {
    return null;
  }
}

/**
 * The drill-down of the page's denied lines, kept in the URL (`drill`, as JSON) so that Back
 * returns to it and a bookmark reopens it; a change of month, filter or page clears it
 * (url-state.ts DETAIL_PARAMS), and so does a new drill-down the line open in it.
 */
export function useDrill(): [Drill | null, (next: Drill | null) => void] {
  const [text, setText] = useUrlParam('drill', '', { clears: ['line', 'claim'] });
  const drill = useMemo(() => parseDrill(text), [text]);
  // undefined written as null: a key set to undefined lifts the page's filter, so it must survive the round trip
  return [drill, (next) => setText(next ? JSON.stringify(next, (_key, value: unknown) => (value === undefined ? null : value)) : '')];
}
