import type { Filters } from '../engine/analytics/filters.sql.ts';

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');

/** Up to two values by name, then how many more. */
function values(label: string, list: string[] | undefined): string | null {
  if (!list?.length) return null;
  const named = list.slice(0, 2).map(slug).join('+');
  return `${label}${named}${list.length > 2 ? `+${list.length - 2}-more` : ''}`;
}

/**
 * A CSV's file name that says which month and filters produced it, so a drilled or
 * filtered export is never named like the month's full one:
 * denied-lines-2026-08-payer-medicare-part-b-pattern-3f2a….csv. At most 150 characters.
 */
export function exportFileName(base: string, filters: Filters, search = ''): string {
  const parts = [
    base,
    filters.month ?? null,
    filters.basis === 'remit' ? 'by-remittance-date' : null,
    values('payer-', filters.payers),
    values('provider-', filters.providers),
    values('', filters.categories),
    values('cpt-', filters.procedures),
    values('dx-', filters.diagnoses),
    filters.pattern ? `pattern-${slug(filters.pattern)}` : null,
    search.trim() ? `search-${slug(search)}` : null,
  ].filter((p): p is string => !!p);
  return `${parts.join('-').slice(0, 146).replace(/-+$/, '')}.csv`;
}
