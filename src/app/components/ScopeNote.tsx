import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { formatMonth } from '../format.ts';
import { useUrlList, useUrlParam } from '../url-state.ts';

/** The shared filters (in the URL, set on the Monthly review or the Dashboard), as people read them. */
const FILTERS = [
  { param: 'month', label: 'month', show: formatMonth },
  { param: 'payer', label: 'payer', show: (v: string) => v },
  { param: 'provider', label: 'provider', show: (v: string) => v },
  { param: 'category', label: 'category', show: (c: string) => CATEGORY_LABELS[c as Category] ?? c },
  { param: 'procedure', label: 'CPT/HCPCS', show: (v: string) => v },
  { param: 'dx', label: 'diagnosis', show: (v: string) => v },
] as const;
export type SharedFilter = (typeof FILTERS)[number]['param'];

/**
 * Says plainly what a page counts: `scope` (e.g. "every loaded file and row") and, when
 * filters chosen elsewhere are in force, which of them this page does not apply.
 */
export function ScopeNote({ scope, applies = [] }: { scope: string; applies?: SharedFilter[] }) {
  const [month] = useUrlParam('month', '');
  const lists: Record<SharedFilter, string[]> = {
    month: month ? [month] : [],
    payer: useUrlList('payer')[0],
    provider: useUrlList('provider')[0],
    category: useUrlList('category')[0],
    procedure: useUrlList('procedure')[0],
    dx: useUrlList('dx')[0],
  };
  const ignored = FILTERS.filter((f) => !applies.includes(f.param) && lists[f.param].length > 0).map(
    (f) => `${f.label} ${lists[f.param].map(f.show).join(', ')}`,
  );
  return (
    <p className="hint scope-note" data-testid="scope-note">
      This page shows {scope}
      {ignored.length > 0 ? `: the filters chosen on the review (${ignored.join('; ')}) do not apply here.` : '.'}
    </p>
  );
}
