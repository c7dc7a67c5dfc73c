import { useEffect, useId, useState } from 'react';
import type { AuditSample, WorksheetRow } from '../../engine/audit/sample.ts';
import { EMPTY_REVIEW, FINDINGS, FINDING_LABELS, SUPPORTS, type AuditorReview, type Finding, type Reviews, type Supports } from '../../engine/audit/review.ts';
import { formatMoney } from '../format.ts';
import { categoryLabel, stratumLabel } from './labels.ts';

interface Props {
  sample: AuditSample;
  reviews: Reviews;
  onChange: (draw: number, review: AuditorReview) => void;
}

const SOURCE_LABEL: Record<string, string> = { payer: 'Payer said', reference: 'Code data', history: 'Your history', rule: 'Billing rule' };

/** One block per sampled unit: what is needed to pull the chart, our classification, and the auditor's fields. */
export function Worksheet({ sample, reviews, onChange }: Props) {
  return (
    <ol className="worksheet" aria-label="Worksheet">
      {sample.rows.map((row) => (
        <WorksheetItem key={row.draw} sample={sample} row={row} review={reviews[row.draw] ?? EMPTY_REVIEW} onChange={(r) => onChange(row.draw, r)} />
      ))}
    </ol>
  );
}

function WorksheetItem({ sample, row, review, onChange }: { sample: AuditSample; row: WorksheetRow; review: AuditorReview; onChange: (r: AuditorReview) => void }) {
  const set = <K extends keyof AuditorReview>(key: K, value: AuditorReview[K]) => onChange({ ...review, [key]: value });
  // blind review: ours is shown only once the auditor has recorded a finding, so it cannot sway it
  const hidden = Boolean(sample.spec.blind) && !review.finding;
  const dates = row.serviceDateFrom === row.serviceDateTo ? row.serviceDateFrom : `${row.serviceDateFrom} – ${row.serviceDateTo}`;
  return (
    <li className="worksheet-row" data-testid="worksheet-row" data-claim={row.claimId} data-draw={row.draw}>
      <div className="worksheet-facts">
        <h3>
          <span className="draw">#{row.draw}</span> Claim {row.claimId}
          {row.lineNumber != null && `, line ${row.lineNumber}`}
          {sample.spec.strata && (
            <span className="stratum"> · stratum {hidden && sample.spec.strata.by === 'category' ? '(hidden: it is our category)' : stratumLabel(sample.spec, row.stratum)}</span>
          )}
        </h3>
        <p>
          Patient account <strong>{row.patientAccount ?? '—'}</strong> · DOS <strong>{dates ?? '—'}</strong> · {row.provider} · {row.payer}
        </p>
        <p>Diagnoses: {row.diagnoses.join(', ') || 'none linked'}</p>
        <table className="numbers worksheet-lines">
          <thead>
            <tr>
              <th>Line</th><th>Code</th><th>Modifiers</th><th>Dx</th><th className="num">Units</th><th className="num">Billed</th>
              <th className="num">Paid</th><th className="num">Denied</th><th>Reasons</th><th>Category</th>
            </tr>
          </thead>
          <tbody>
            {row.lines.map((l, i) => (
              <tr key={i} className={l.inFrame ? undefined : 'outside-frame'} title={l.inFrame ? undefined : 'Not in the frame (shown because it is on the same claim)'}>
                <td>{l.lineNumber ?? '—'}</td>
                <td>{l.procedure ?? '—'}</td>
                <td>{l.modifiers.join(' ') || '—'}</td>
                <td>{l.diagnoses.join(', ') || '—'}</td>
                <td className="num">{l.units ?? '—'}</td>
                <td className="num">{formatMoney(l.billed)}</td>
                <td className="num">{formatMoney(l.paid)}</td>
                <td className="num">{l.denied ? formatMoney(l.deniedAmount) : '—'}</td>
                <td>{[...l.reasons, ...l.remarks].join(', ') || '—'}</td>
                <td>{l.denied ? (hidden ? '(hidden)' : categoryLabel(l.category)) : 'paid'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5}>Claim total{row.lines.length > 1 ? ` (${row.lines.length} lines)` : ''}</td>
              <td className="num">{formatMoney(row.billed)}</td>
              <td className="num">{formatMoney(row.paid)}</td>
              <td className="num">{formatMoney(row.deniedAmount)}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
        {hidden ? (
          <p className="our-classification hint" data-testid="blind-hidden">Blind review: our category, evidence and fix are shown once you record a finding.</p>
        ) : (
          <div className="our-classification" data-testid="our-classification">
            <strong>Our category: {categoryLabel(row.category)}</strong>
            {row.evidence.length > 0 && (
              <ul className="evidence">
                {row.evidence.map((e, i) => (
                  <li key={i}><span className="evidence-source">{SOURCE_LABEL[e.source] ?? e.source}</span> {e.text}</li>
                ))}
              </ul>
            )}
            {row.fix && <p className="fix">Suggested fix: {row.fix}</p>}
          </div>
        )}
      </div>
      <fieldset className="auditor-fields">
        <legend>Auditor</legend>
        <label>
          Documentation supports codes
          <select value={review.supports ?? ''} onChange={(e) => set('supports', (e.target.value || null) as Supports | null)} data-field="supports">
            <option value="">— not reviewed</option>
            {SUPPORTS.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          Correct codes
          <input type="text" value={review.correctCodes} onChange={(e) => set('correctCodes', e.target.value)} data-field="correctCodes" placeholder="e.g. M54.50, 99213-25" />
        </label>
        <label>
          Finding category
          <select value={review.finding ?? ''} onChange={(e) => set('finding', (e.target.value || null) as Finding | null)} data-field="finding">
            <option value="">—</option>
            {FINDINGS.map((f) => <option key={f} value={f}>{FINDING_LABELS[f]}</option>)}
          </select>
        </label>
        <DollarInput label="Dollars in error" value={review.dollarsInError} onChange={(v) => set('dollarsInError', v)} />
        <label>
          Notes
          <textarea rows={3} value={review.notes} onChange={(e) => set('notes', e.target.value)} data-field="notes" />
        </label>
      </fieldset>
    </li>
  );
}

/**
 * An amount field: saved as soon as the text reads as an amount ("$1,234.50" too); blank
 * clears it. Text that is no amount is not saved, and the field says so in words.
 */
function DollarInput({ label, value, onChange }: { label: string; value: number | null; onChange: (v: number | null) => void }) {
  const [text, setText] = useState(value == null ? '' : value.toFixed(2));
  const messageId = useId();
  const parsed = parseAmount(text);
  useEffect(() => {
    // a change from elsewhere (an imported worksheet) replaces what is shown
    if (parseAmount(text) !== value) setText(value == null ? '' : value.toFixed(2));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = parsed === undefined;
  return (
    <div className="dollar-field">
      <label>
        {label}
        <input
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? messageId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseAmount(e.target.value);
            if (next !== undefined && next !== value) onChange(next);
          }}
          data-field="dollarsInError"
        />
      </label>
      {invalid && (
        <p className="field-error" id={messageId} role="alert" data-testid="dollars-error">
          “{text}” is not an amount, so it is not saved{value == null ? '' : ` (${formatMoney(value)} is kept)`}. Write dollars and cents, e.g. 125.50 or
          $1,234.50; leave it blank for none.
        </p>
      )}
    </div>
  );
}

function parseAmount(text: string): number | null | undefined {
  const t = text.replace(/[$,\s]/g, '');
  if (t === '') return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(t) ? Math.round(Number(t) * 100) / 100 : undefined;
}
