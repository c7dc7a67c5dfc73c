import type { ReactNode } from 'react';
import { QueryState } from '../components/QueryState.tsx';
import { engine } from '../engine-instance.ts';
import { useEngineQuery, type EngineQuery } from '../use-engine-query.ts';
import { formatCount, formatMoney } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { RemoveFileButton } from '../components/RemoveFileButton.tsx';
import { RejectGroups } from '../components/RejectGroups.tsx';
import { FileWarning } from '../components/FileWarning.tsx';
import { RememberedMappings } from '../components/RememberedMappings.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { ScopeNote } from '../components/ScopeNote.tsx';

const LIMIT = 500;

/**
 * Everything loaded and everything that was not: files with their row counts,
 * the rejected rows grouped by reason, payments and their balance, claims or
 * lines whose own numbers do not add up, and lines that found no partner.
 */
export function FilesPage({ onRemoveFile, onReviewMapping }: PageProps) {
  const filesQuery = useEngineQuery(() => engine.call('files'), []);
  const rejectGroupsQuery = useEngineQuery(() => engine.call('rejectGroups'), []);
  const remittancesQuery = useEngineQuery(() => engine.call('remittances'), []);
  const unbalancedQuery = useEngineQuery(() => engine.call('unbalanced'), []);
  const unmatchedQuery = useEngineQuery(() => engine.call('unmatched'), []);
  const disagreementsQuery = useEngineQuery(() => engine.call('sourceDisagreements'), []);
  const [files, rejectGroups, remittances, unbalanced, unmatched, disagreements] = [filesQuery.data, rejectGroupsQuery.data, remittancesQuery.data, unbalancedQuery.data, unmatchedQuery.data, disagreementsQuery.data];
  return (
    <>
      <ScopeNote scope="every loaded file and every row read, whatever the filters" />
      <Section title="Loaded files" testId="files-table" query={filesQuery}>
        <table className="numbers">
          <thead>
            <tr><th>File</th><th>Format</th><th>Content</th><th>Loaded</th><th>Read</th><th>Loaded</th><th>Rejected</th><th>Lines added</th><th>Merged into lines already loaded</th><th title="$0 lines, reporting-only codes and predeterminations: not denials, and left out of every rate">Cannot be denied</th><th>Notes</th><th><span className="sr-only">Unload</span></th></tr>
          </thead>
          <tbody>
            {files?.map((f) => (
              <tr key={f.file_id}>
                <td>{f.name}</td>
                <td>{FORMAT[f.format] ?? f.format}</td>
                <td>{CONTENT[f.content] ?? f.content}</td>
                <td>{f.loaded_at}</td>
                <td className="num">{formatCount(f.rows_read)} {f.format === 'csv' ? 'rows' : 'claims'}</td>
                <td className="num">{formatCount(f.rows_loaded)}</td>
                <td className="num">{formatCount(f.rows_rejected)}</td>
                <td className="num">{formatCount(f.lines_added)}</td>
                <td className="num">{formatCount(f.lines_merged)}</td>
                <td className="num">{formatCount(f.lines_not_deniable)}</td>
                <td>{f.warnings.map((w) => <FileWarning key={w} warning={w} />)}</td>
                <td>
                  {f.format === 'csv' && <button type="button" aria-label={`Columns of ${f.name}`} onClick={() => onReviewMapping(f.sha256)}>Columns…</button>}{' '}
                  <RemoveFileButton name={f.name} onRemove={() => onRemoveFile(f.file_id, f.sha256)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Rejected rows" testId="rejects-table" query={rejectGroupsQuery} count={rejectGroups?.reduce((n, g) => n + g.rows, 0)} empty="Every row was loaded." scroll={false}>
        {rejectGroups && <RejectGroups groups={rejectGroups} />}
      </Section>

      <Section title="Payments (835)" testId="remittances-table" query={remittancesQuery} empty="No 835 remittances loaded.">
        <p className="hint">A payment balances when its amount (BPR02) equals the claims paid (Σ CLP04) less the provider-level adjustments (Σ PLB).</p>
        <table className="numbers">
          <thead><tr><th>Date</th><th>Payer</th><th>Check / EFT</th><th>Method</th><th>Amount</th><th>Provider adj.</th><th>Claims</th><th>Balance</th><th>File</th></tr></thead>
          <tbody>
            {remittances?.slice(0, LIMIT).map((r) => (
              <tr key={r.remit_id} className={r.balance_diff ? 'unbalanced' : ''}>
                <td>{r.payment_date}</td><td>{r.payer}</td><td>{r.trace_number}</td><td>{r.payment_method}</td>
                <td className="num">{formatMoney(r.payment_amount)}</td><td className="num">{formatMoney(r.provider_adjustments)}</td>
                <td className="num">{formatCount(r.claims)}</td>
                <td>{r.balance_diff == null ? 'not checked (incomplete)' : r.balance_diff === 0 ? 'balanced' : `off by ${formatMoney(r.balance_diff)}`}</td>
                <td>{r.file}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <More shown={LIMIT} total={remittances?.length} />
      </Section>

      <Section title="Claims and lines that do not balance" testId="unbalanced-table" query={unbalancedQuery} empty="Every claim and line balances (charge − adjustments = paid).">
        <p className="hint">Loaded as the payer sent them; the difference is charge − Σ adjustments − paid.</p>
        <table className="numbers">
          <thead><tr><th>Level</th><th>Claim</th><th>Line</th><th>Payer</th><th>Charge</th><th>Paid</th><th>Difference</th><th>File (segment)</th></tr></thead>
          <tbody>
            {unbalanced?.slice(0, LIMIT).map((u, i) => (
              <tr key={i}>
                <td>{u.level}</td><td>{u.claim_id}</td><td className="num">{u.line_number ?? ''}</td><td>{u.payer}</td>
                <td className="num">{formatMoney(u.charge)}</td><td className="num">{formatMoney(u.paid)}</td><td className="num">{formatMoney(u.difference)}</td>
                <td>{u.file} ({u.segment})</td>
              </tr>
            ))}
          </tbody>
        </table>
        <More shown={LIMIT} total={unbalanced?.length} />
      </Section>

      <Section title="Sources that disagree" testId="disagreements-table" query={disagreementsQuery} empty="Where an export and an 835 describe the same adjudication, they agree.">
        <p className="hint">
          The same service line from several files is counted once: the adjudication from the 835 when there is one (the export&apos;s copy of it is
          not counted again), the diagnoses from the 837P (else the export), the export&apos;s fields where the others are silent. Where the copy says
          something else, the 835 is kept; each difference is listed here.
        </p>
        <table className="numbers">
          <thead><tr><th>Claim</th><th>Line</th><th>Date of service</th><th>CPT/HCPCS</th><th>Payer</th><th>Field</th><th>Kept</th><th>From</th><th>Other</th><th>From</th><th>Why</th></tr></thead>
          <tbody>
            {disagreements?.slice(0, LIMIT).map((d, i) => (
              <tr key={i}>
                <td>{d.claim_id}</td><td className="num">{d.line_number ?? ''}</td><td>{d.service_date}</td><td>{d.procedure}</td><td>{d.payer}</td>
                <td>{d.field}</td><td>{d.kept}</td><td>{d.kept_file}</td><td>{d.other}</td><td>{d.other_file}</td><td>{d.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <More shown={LIMIT} total={disagreements?.length} />
      </Section>

      <Section title="Lines without a partner" testId="unmatched-table" query={unmatchedQuery} empty="Every remitted line found its claim line, and every claim line its remittance.">
        <p className="hint">Remitted lines are joined to claim lines by claim ID and line control number, else by procedure, modifiers, date and charge.</p>
        <table className="numbers">
          <thead><tr><th>What</th><th>Claim</th><th>Line</th><th>Date of service</th><th>CPT/HCPCS</th><th>Charge</th><th>File</th></tr></thead>
          <tbody>
            {unmatched?.slice(0, LIMIT).map((u, i) => (
              <tr key={i}>
                <td>{u.kind}</td><td>{u.claim_id}</td><td className="num">{u.line_number ?? ''}</td><td>{u.service_date}</td><td>{u.procedure}</td>
                <td className="num">{formatMoney(u.billed)}</td><td>{u.file}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <More shown={LIMIT} total={unmatched?.length} />
      </Section>

      <RememberedMappings />
    </>
  );
}

const FORMAT: Record<string, string> = { csv: 'CSV', 'x12-835': 'X12 835', 'x12-837p': 'X12 837P' };
const CONTENT: Record<string, string> = { 'claim+remit': 'claims with payments', claim: 'claims', remit: 'remittances' };

/**
 * `count` when the rows are not what is counted (rejected rows, shown in groups); `scroll`
 * false when the content scrolls in boxes of its own (each group of rejected rows).
 */
function Section({ title, testId, query, count = query.data?.length, empty, scroll = true, children }: { title: string; testId: string; query: EngineQuery<unknown[]>; count?: number; empty?: string; scroll?: boolean; children: ReactNode }) {
  return (
    <section className="panel" data-testid={testId} aria-busy={query.loading || undefined}>
      <h2>
        {title} {count !== undefined && <span className="count">({formatCount(count)})</span>}
      </h2>
      <QueryState query={query} name={title} inline isEmpty={(rows) => rows.length === 0 && empty !== undefined} empty={empty}>
        {() => (scroll ? <ScrollBox label={title}>{children}</ScrollBox> : children)}
      </QueryState>
    </section>
  );
}

function More({ shown, total }: { shown: number; total?: number }) {
  return total !== undefined && total > shown ? <p className="hint">First {formatCount(shown)} of {formatCount(total)} shown.</p> : null;
}
