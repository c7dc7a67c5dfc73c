import { useEffect, useRef } from 'react';
import { useUrlParam } from '../url-state.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from './QueryState.tsx';
import { CATEGORY_LABELS } from '../../engine/classify/categories.ts';
import type { Evidence } from '../../engine/classify/evidence.ts';
import { formatMoney } from '../format.ts';
import { ClaimDetail } from './ClaimDetail.tsx';
import { CrosswalkLink } from '../reference/CrosswalkLink.tsx';

const SOURCE_LABEL: Record<Evidence['source'], string> = { payer: 'Payer said', reference: 'Code data', history: 'Your history', rule: 'Billing rule' };

/**
 * Why a line was put in its category, and what to do about it: a panel at the side of the
 * window, where the eye is whatever the scroll position. Focus moves to it when it opens;
 * Escape or ✕ closes it and returns focus to what opened it (the line's row).
 */
export function LineDetail({ lineId, onClose }: { lineId: number; onClose: () => void }) {
  const query = useEngineQuery(() => engine.call('lineDetail', lineId), [lineId]);
  const d = query.error ? undefined : query.data;
  // the claim shown is in the URL too (`claim`), so Back folds it
  const [claimParam, setClaimParam] = useUrlParam('claim', '');
  const showClaim = claimParam === 'shown';
  const setShowClaim = (show: boolean) => setClaimParam(show ? 'shown' : '');
  const opener = useRef<Element | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!opener.current) opener.current = document.activeElement;
  }, []);
  useEffect(() => {
    if (d) heading.current?.focus();
  }, [d]);
  const close = () => {
    onClose();
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
  };
  if (d === null) return null;
  if (!d) {
    return (
      <aside className="line-detail" aria-label="The line’s detail" data-testid="line-detail">
        <button type="button" className="close" onClick={close} aria-label="Close the line’s detail (Escape)">✕</button>
        <QueryState query={query} name="The line’s evidence and fix" inline />
      </aside>
    );
  }
  return (
    <aside
      className="line-detail"
      aria-labelledby="line-detail-title"
      data-testid="line-detail"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button type="button" className="close" onClick={close} aria-label="Close the line’s detail (Escape)">✕</button>
      <h3 id="line-detail-title" ref={heading} tabIndex={-1}>
        Claim {d.claim_id}
        {d.line_number != null && `, line ${d.line_number}`} — {CATEGORY_LABELS[d.category]}
      </h3>
      <p>
        {d.procedure} {d.modifiers.join(' ')} on {d.service_date_text} · {d.payer} · {d.provider} · diagnoses{' '}
        {d.diagnoses_dotted.join(', ') || 'none linked'} · billed {formatMoney(d.billed)}, paid {formatMoney(d.paid)}, denied{' '}
        {formatMoney(d.denied_amount)}
        {d.paid_date_text && ` (remittance ${d.paid_date_text})`}
      </p>
      <h4>Evidence</h4>
      <ul className="evidence">
        {d.evidence.map((e, i) => (
          <li key={i} className={`evidence-${e.source}`}>
            <span className="evidence-source">{SOURCE_LABEL[e.source]}</span> {e.text}
          </li>
        ))}
      </ul>
      {d.billed_procedure && (
        <p>
          <CrosswalkLink procedure={d.billed_procedure} />: every diagnosis it was paid and denied with in the loaded data.
        </p>
      )}
      {d.secondary.length > 0 && <p>Also found: {d.secondary.map((c) => CATEGORY_LABELS[c]).join(', ')}</p>}
      <h4>Suggested fix</h4>
      <p className="fix" data-testid="fix">{d.fix}</p>
      <button type="button" aria-expanded={showClaim} onClick={() => setShowClaim(!showClaim)} data-testid="show-claim">
        {showClaim ? 'Hide the claim' : 'Show the whole claim (all lines, adjustments, reversals)'}
      </button>
      {showClaim && <ClaimDetail lineId={lineId} />}
    </aside>
  );
}
