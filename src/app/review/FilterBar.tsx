import { useEffect, useRef, useState } from 'react';
import { CATEGORY_LABELS, CATEGORY_PRECEDENCE, type Category } from '../../engine/classify/categories.ts';
import { monthLabel } from './review-format.ts';
import type { ListName, ReviewFilterState } from './review-filters.ts';

interface Props {
  state: ReviewFilterState;
  payers: string[];
  providers: string[];
  /** the Monthly review's print button; pages without it print nothing */
  onPrint?: () => void;
  /** false on pages that show every loaded month (the Dashboard): no month picker */
  withMonth?: boolean;
}

/**
 * Month under review, its basis, and the filters every chart and table of the page takes.
 * The same filters (in the URL) apply on every page that shows figures.
 */
export function FilterBar({ state, payers, providers, onPrint, withMonth = true }: Props) {
  const { filters, months } = state;
  const active = (['payers', 'providers', 'categories', 'procedures', 'diagnoses'] as const).some((n) => filters[n]?.length);
  // one pop-over open at a time; a click or tap outside it closes it
  const [openPick, setOpenPick] = useState<ListName | null>(null);
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!openPick) return;
    const outside = (e: PointerEvent) => {
      if (!bar.current?.querySelector('details[open]')?.contains(e.target as Node)) setOpenPick(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [openPick]);
  const pick = { open: openPick, setOpen: setOpenPick };
  return (
    <section className="panel review-filters" aria-label={withMonth ? 'Month and filters' : 'Filters'} ref={bar}>
      {withMonth && (
        <label className="month-picker">
          <span>Month</span>
          <select data-testid="month-picker" value={filters.month ?? ''} onChange={(e) => state.setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m.month} value={m.month} title={m.reason ?? undefined}>{monthLabel(m.month, m.partial !== null)}</option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="basis" aria-label="Month of">
        <label title="Bucket lines by their date of service">
          <input type="radio" name="basis" checked={filters.basis === 'service'} onChange={() => state.setBasis('service')} /> date of service
        </label>
        <label title="Bucket lines by the date of the remittance (check/EFT) that first adjudicated them">
          <input type="radio" name="basis" checked={filters.basis === 'remit'} onChange={() => state.setBasis('remit')} /> remittance date
        </label>
      </fieldset>
      <Pick label="Payer" name="payers" options={payers} state={state} {...pick} />
      <Pick label="Provider" name="providers" options={providers} state={state} {...pick} />
      <Pick label="Category" name="categories" options={[...CATEGORY_PRECEDENCE]} label_of={(c) => CATEGORY_LABELS[c as Category]} state={state} {...pick} />
      <Codes label="CPT/HCPCS" name="procedures" placeholder="e.g. 99214 73560" state={state} />
      <Codes label="Diagnosis" name="diagnoses" placeholder="e.g. M54.5" state={state} />
      {active && (
        <button type="button" className="link" onClick={state.clear}>clear filters</button>
      )}
      {onPrint && <button type="button" className="primary print-button" onClick={onPrint}>Print report</button>}
    </section>
  );
}

interface PickProps {
  label: string;
  name: ListName;
  options: string[];
  state: ReviewFilterState;
  label_of?: (v: string) => string;
  open: ListName | null;
  setOpen: (name: ListName | null) => void;
}

/** A list filter in a pop-over; Escape closes it and gives focus back to its summary. */
function Pick({ label, name, options, state, label_of = (v) => v, open, setOpen }: PickProps) {
  const chosen = state.filters[name] ?? [];
  const toggle = (value: string) => state.setList(name, chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value]);
  return (
    <details
      className="pick"
      data-testid={`filter-${name}`}
      open={open === name}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpen(name);
        else if (open === name) setOpen(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open === name) {
          e.preventDefault();
          setOpen(null);
          e.currentTarget.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        {label}: <strong>{chosen.length === 0 ? 'all' : chosen.length === 1 ? label_of(chosen[0]) : `${chosen.length} chosen`}</strong>
      </summary>
      <div className="pick-options">
        {options.map((o) => (
          <label key={o}>
            <input type="checkbox" checked={chosen.includes(o)} onChange={() => toggle(o)} /> {label_of(o)}
          </label>
        ))}
      </div>
    </details>
  );
}

/** Codes typed by the user, split on spaces or commas; applied on Enter or leaving the field. */
function Codes({ label, name, placeholder, state }: { label: string; name: ListName; placeholder: string; state: ReviewFilterState }) {
  const current = (state.filters[name] ?? []).join(' ');
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const apply = () => state.setList(name, [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))]);
  return (
    <label className="codes">
      <span>{label}</span>
      <input
        type="text"
        value={text}
        placeholder={placeholder}
        data-testid={`filter-${name}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
        size={12}
      />
    </label>
  );
}
