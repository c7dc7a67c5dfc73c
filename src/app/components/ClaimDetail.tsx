import type { ClaimLine } from '../../engine/analytics/claim.ts';
import { CATEGORY_LABELS } from '../../engine/classify/categories.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from './QueryState.tsx';
import { formatMoney } from '../format.ts';

const SOURCE = { claim: 'claim sent', remit: 'remittance', 'claim+remit': 'export row (claim and payment)' };

function adjudication(l: ClaimLine): string {
  if (l.is_initial) return l.adjudications > 1 ? 'initial (counted)' : 'only (counted)';
  switch (l.adjudication_kind) {
    case 'secondary': return `payer ${l.payer_sequence ?? 2} (not counted: the first payer's adjudication counts)`;
    case 'copy': return 'copy of the 835 adjudication (not counted again)';
    case 'recoupment': return 'recoupment: post-payment denial';
    case 'predetermination': return 'predetermination (not an adjudication)';
    case 'reversal': return 'reversal';
    default: return 'later adjudication';
  }
}

const adjustments = (list: { group: string | null; reason: string; amount: number | null }[]) =>
  list.map((a) => `${a.group ? `${a.group}-` : ''}${a.reason}${a.amount === null ? '' : ` ${formatMoney(a.amount)}`}`).join(', ');

/** Everything loaded about a line's claim: documents, every adjudication of every line, diagnoses, reversals. */
export function ClaimDetail({ lineId }: { lineId: number }) {
  const query = useEngineQuery(() => engine.call('claimDetail', lineId), [lineId]);
  const claim = query.data;
  if (query.error || claim === undefined) return <QueryState query={query} name="The claim" inline />;
  if (claim === null) return <p className="hint">This line’s claim is no longer loaded.</p>;
  const accounts = [...new Set(claim.documents.map((d) => d.patient_account).filter(Boolean))];
  return (
    <section className="claim-detail" data-testid="claim-detail" aria-label={`Claim ${claim.claim_id}`}>
      <h4>
        Claim {claim.claim_id}
        {accounts.length > 0 && ` · patient account ${accounts.join(', ')}`}
      </h4>
      <p>
        Diagnoses:{' '}
        {claim.diagnoses.length ? claim.diagnoses.map((d) => `${d.seq}. ${d.code}`).join('  ') : 'none loaded (load the 837P or a claims export)'}
      </p>
      <h5>Documents</h5>
      <table className="numbers compact">
        <thead>
          <tr><th>File</th><th>What</th><th>Status</th><th>Payer</th><th className="num">Charge</th><th className="num">Paid</th><th>Payer claim #</th><th>Remittance date</th><th>Claim-level adjustments / remarks</th></tr>
        </thead>
        <tbody>
          {claim.documents.map((d) => (
            <tr key={d.claim_key}>
              <td>{d.file}</td>
              <td>{SOURCE[d.source]}</td>
              <td>{d.status_label ?? '—'}</td>
              <td>{d.payer ?? '—'}</td>
              <td className="num">{formatMoney(d.charge)}</td>
              <td className="num">{formatMoney(d.paid)}</td>
              <td>{d.payer_claim_number ?? '—'}</td>
              <td>{d.paid_date ?? '—'}</td>
              <td>{[adjustments(d.adjustments), d.remarks.join(', ')].filter(Boolean).join(' · ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h5>Lines and their adjudications</h5>
      <table className="numbers compact" data-testid="claim-lines">
        <thead>
          <tr><th>Line</th><th>Date of service</th><th>CPT/HCPCS</th><th>Mod</th><th>Diagnoses</th><th className="num">Billed</th><th className="num">Paid</th><th>Remittance date</th><th>Adjudication</th><th>Adjustments</th><th>Remarks</th><th>Denial</th></tr>
        </thead>
        <tbody>
          {claim.lines.map((l) => (
            <tr key={l.line_id} className={l.line_id === lineId ? 'highlight' : ''}>
              <td>{l.line_number ?? '—'}</td>
              <td>{l.service_date ?? '—'}</td>
              <td>{l.procedure ?? '—'}{l.billed_procedure && l.billed_procedure !== l.procedure ? ` (billed ${l.billed_procedure})` : ''}</td>
              <td>{l.modifiers.join(' ')}</td>
              <td>{l.diagnoses.join(' ')}</td>
              <td className="num">{formatMoney(l.billed)}</td>
              <td className="num">{formatMoney(l.paid)}</td>
              <td>{l.paid_date ?? '—'}</td>
              <td>{adjudication(l)}{l.is_initial && l.paid_later > 0 ? `; ${formatMoney(l.paid_later)} paid later` : ''}</td>
              <td>{adjustments(l.adjustments) || '—'}</td>
              <td>{l.remarks.join(', ') || '—'}</td>
              <td>{l.denied && l.category ? `${CATEGORY_LABELS[l.category]}, ${formatMoney(l.denied_amount)}` : l.is_initial ? 'not denied' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {claim.unanswered.length > 0 && (
        <p className="warning">
          Billed but not (yet) answered by a loaded remittance:{' '}
          {claim.unanswered.map((u) => `line ${u.line_number ?? '?'} ${u.procedure ?? ''} ${formatMoney(u.billed)}`).join('; ')}
        </p>
      )}
    </section>
  );
}
