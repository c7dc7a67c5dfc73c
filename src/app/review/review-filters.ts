import { useMemo } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { defaultReviewMonth, type ReviewMonth, type ReviewMonths } from '../../engine/analytics/partial-months.ts';
import { DETAIL_PARAMS, useUrlList, useUrlParam } from '../url-state.ts';

export type Basis = 'service' | 'remit';

export interface ReviewFilterState {
  /** what every query of the page takes; `month` is the month under review */
  filters: Filters & { month: string | undefined; basis: Basis };
  /** the basis's months, newest first, the partial ones marked */
  months: ReviewMonth[];
  /** the reviewed month's entry (its `partial` and `reason`) */
  reviewed: ReviewMonth | undefined;
  /** months of the basis the engine marks partial */
  partial: ReadonlySet<string>;
  setMonth: (month: string) => void;
  setBasis: (basis: Basis) => void;
  setList: (name: ListName, values: string[]) => void;
  clear: () => void;
}

export type ListName = 'payers' | 'providers' | 'categories' | 'procedures' | 'diagnoses';

/**
 * The review's month and filters, all in the URL (bookmarkable): month, basis,
 * and repeated payer / provider / category / procedure / dx parameters. Without a
 * month (or with one that has no data) the newest complete month is reviewed
 * (the newest month when every month is partial: partial-months.ts).
 */
export function useReviewFilters(reviewMonths: ReviewMonths | undefined): ReviewFilterState {
  // a change of month or filter closes the lines drilled into and the line open
  const clears = { clears: DETAIL_PARAMS };
  const [month, setMonth] = useUrlParam('month', '', clears);
  const [basisParam, setBasisParam] = useUrlParam('basis', 'service', clears);
  const [payers, setPayers] = useUrlList('payer', clears);
  const [providers, setProviders] = useUrlList('provider', clears);
  const [categories, setCategories] = useUrlList('category', clears);
  const [procedures, setProcedures] = useUrlList('procedure', clears);
  const [diagnoses, setDiagnoses] = useUrlList('dx', clears);
  const basis: Basis = basisParam === 'remit' ? 'remit' : 'service';
  const months = useMemo(() => (basis === 'remit' ? reviewMonths?.remit : reviewMonths?.service) ?? [], [basis, reviewMonths]);
  const partial = useMemo(() => new Set(months.filter((m) => m.partial).map((m) => m.month)), [months]);
  const reviewed = months.some((m) => m.month === month) ? month : defaultReviewMonth(months);
  const key = JSON.stringify([reviewed, basis, payers, providers, categories, procedures, diagnoses]);
  const filters = useMemo(
    () => ({ month: reviewed, basis, payers, providers, categories, procedures, diagnoses }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const setters: Record<ListName, (values: string[]) => void> = {
    payers: setPayers,
    providers: setProviders,
    categories: setCategories,
    procedures: setProcedures,
    diagnoses: setDiagnoses,
  };
  return {
    filters,
    months,
    reviewed: months.find((m) => m.month === reviewed),
    partial,
    setMonth,
    setBasis: (b) => setBasisParam(b),
    setList: (name, values) => setters[name](values),
    clear: () => Object.values(setters).forEach((set) => set([])),
  };
}

/** The filters as one line of text, for the printed report and the drill-down title. */
export function describeFilters(f: Filters, labels: { category: (c: string) => string }): string {
  const parts = [
    f.payers?.length ? `payer ${f.payers.join(', ')}` : '',
    f.providers?.length ? `provider ${f.providers.join('; ')}` : '',
    f.categories?.length ? `category ${f.categories.map(labels.category).join(', ')}` : '',
    f.procedures?.length ? `CPT/HCPCS ${f.procedures.join(', ')}` : '',
    f.diagnoses?.length ? `diagnosis ${f.diagnoses.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'all payers, providers, categories, procedures and diagnoses';
}
