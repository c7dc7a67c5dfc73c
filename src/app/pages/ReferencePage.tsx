import type { ReactNode } from 'react';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatCount, formatPercent } from '../format.ts';
import { CATEGORY_LABELS, NOT_DENIAL_LABELS } from '../../engine/classify/categories.ts';
import type { Bucket } from '../../engine/classify/categories.ts';
import type { ReferenceOverview } from '../../engine/reference/overview.ts';
import type { CarcRole, RarcRole } from '../../engine/classify/payer-codes.ts';
import { ImportPanel } from '../reference/ImportPanel.tsx';
import { SavedFiles } from '../reference/SavedFiles.tsx';
import { CodeSetChecklist } from '../reference/CodeSetChecklist.tsx';
import type { PageProps } from '../pages.ts';
import { ScrollBox } from '../components/ScrollBox.tsx';
import '../reference/reference.css';

const BUCKET_LABELS: Record<Bucket, string> = {
  ...CATEGORY_LABELS,
  ...NOT_DENIAL_LABELS,
};
const ROLE_LABELS: Record<CarcRole | RarcRole, string> = {
  refine_coding: 'code data may refine',
  refine_modifier: 'a missing modifier may refine',
  cause: 'names the cause',
  coding: 'names the coding cause',
  if_code_data_agrees: 'refines only with code data',
};
const ORIGIN = { shipped: 'shipped with Denial Lens', imported: 'imported by you' } as const;
const n = (count: number, unit: string, units = `${unit}s`) => `${formatCount(count)} ${count === 1 ? unit : units}`;

/**
 * What the classifier knows and where it comes from: ICD-10-CM releases and how they cover the
 * loaded lines' dates of service, imports of official files, NCCI PTP edits, CMS fee-schedule
 * indicators, the CPT/HCPCS
 * starter list (code numbers only) and the CARC/RARC mapping. Works before any claim is loaded.
 */
export function ReferencePage({ onDataChanged }: PageProps) {
  const query = useEngineQuery(() => engine.call('referenceOverview'), []);
  const overview = query.error ? undefined : query.data;
  return (
    <>
      {!overview && <QueryState query={query} name="The reference tables" loadingText="Reading the reference tables (after any import still running)…" />}
      {overview && <Coverage overview={overview} />}
      {overview && <Releases overview={overview} />}
      {overview && <CodeSetChecklist gaps={overview.gaps} />}
      <ImportPanel onImported={onDataChanged} />
      <SavedFiles onRemoved={onDataChanged} />
      {overview && <Ncci overview={overview} />}
      {overview && <FeeSchedule overview={overview} />}
      {overview && <Procedures overview={overview} />}
      {overview && <PayerCodes overview={overview} />}
    </>
  );
}

function Coverage({ overview: { coverage, undated_lines } }: { overview: ReferenceOverview }) {
  const total = coverage.reduce((sum, c) => sum + c.lines, 0);
  const uncovered = coverage.reduce((sum, c) => sum + c.uncovered_lines, 0);
  const missing = coverage.filter((c) => !c.covered).map((c) => `FY${c.fiscal_year}`);
  return (
    <Section title="ICD-10-CM fiscal years the loaded lines need" testId="reference-coverage">
      <p className="hint">
        Fiscal year N runs from October 1 of N−1 to September 30 of N (mid-year updates on April 1). Lines are first adjudications, as on the dashboard.
      </p>
      {coverage.length === 0 ? (
        <p data-testid="coverage-summary">No dated lines loaded: load remittances or a claims export to see which fiscal years they need.</p>
      ) : uncovered === 0 ? (
        <p className="callout ok" data-testid="coverage-summary">
          Covered: every fiscal year the {n(total, 'loaded line')} need is answered by a loaded release (
          {coverage.map((c) => `FY${c.fiscal_year}: ${n(c.lines, 'line')}`).join('; ')}).
        </p>
      ) : (
        <p className="callout problem" data-testid="coverage-summary">
          {n(uncovered, 'line')} ({formatPercent(uncovered, total)} of {n(total, 'line')}) have dates of service in {missing.join(', ')}, which no loaded
          release answers for: their diagnosis codes are <strong>“unknown to reference”</strong>, neither valid nor invalid. Import the CDC/CMS release
          for {missing.length === 1 ? 'that year' : 'those years'} below.
        </p>
      )}
      {undated_lines > 0 && <p className="warning">{n(undated_lines, 'line')} without a date of service: their codes cannot be checked against any release.</p>}
      {coverage.length > 0 && (
        <table className="numbers">
          <thead>
            <tr><th>Fiscal year</th><th>Dates of service</th><th className="num">Lines</th><th>Answered by (releases)</th><th className="num">Uncovered lines</th><th>Status</th></tr>
          </thead>
          <tbody>
            {coverage.map((c) => (
              <tr key={c.fiscal_year} className={c.covered ? '' : 'uncovered'} data-testid="coverage-row">
                <td>FY{c.fiscal_year}</td>
                <td>{c.first_date} – {c.last_date}</td>
                <td className="num">{formatCount(c.lines)}</td>
                <td>{c.releases?.join(', ') ?? 'none loaded'}</td>
                <td className="num">{formatCount(c.uncovered_lines)}</td>
                <td>{c.covered ? 'covered' : c.uncovered_lines < c.lines ? 'partly covered: codes unknown to reference on the uncovered dates' : 'missing: codes unknown to reference'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Releases({ overview: { releases, icd10cm } }: { overview: ReferenceOverview }) {
  return (
    <Section title="ICD-10-CM releases loaded" count={n(releases.length, 'release')} testId="reference-releases">
      <p data-testid="icd10cm-counts">
        {n(icd10cm.codes, 'code')} in all ({n(icd10cm.ever_billable, 'code')} billable at some time), as {n(icd10cm.intervals, 'validity interval')}
        {icd10cm.imported_intervals > 0 && ` (${formatCount(icd10cm.imported_intervals)} drawing on imported releases)`};{' '}
        {n(icd10cm.conversions, 'conversion fact')} (previous code → current code).
      </p>
      {releases.length === 0 ? (
        <p className="error">No ICD-10-CM release is loaded: every diagnosis code is unknown to reference.</p>
      ) : (
        <table className="numbers">
          <thead>
            <tr>
              <th>Release</th><th>Fiscal year</th><th>In force for dates of service</th><th className="num">Billable codes</th><th className="num">Headers (codes)</th>
              <th>Origin</th><th>Source</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => (
              <tr key={r.release} data-testid="release-row">
                <td>{r.release}</td>
                <td>FY{r.fiscal_year}</td>
                <td>{r.effective_from} – {r.effective_to}</td>
                <td className="num">{formatCount(r.billable_codes)}</td>
                <td className="num">{formatCount(r.headers)}</td>
                <td>{ORIGIN[r.origin]}</td>
                <td className="source">{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Ncci({ overview: { ncci } }: { overview: ReferenceOverview }) {
  const edits = ncci.reduce((sum, s) => sum + s.edits, 0);
  return (
    <Section title="NCCI procedure-to-procedure edits loaded" count={n(edits, 'edit')} testId="reference-ncci">
      {ncci.length === 0 ? (
        <p className="hint">None imported. Import the CMS practitioner PTP file above to check pairs billed on the same day against its modifier indicators.</p>
      ) : (
        <table className="numbers">
          <thead>
            <tr><th>File</th><th>CMS version</th><th className="num">Edits</th><th className="num">Not deleted (edits)</th><th>Effective dates</th></tr>
          </thead>
          <tbody>
            {ncci.map((s) => (
              <tr key={s.source} data-testid="ncci-row">
                <td>{s.source}</td>
                <td>{s.version ?? 'not in the file name'}</td>
                <td className="num">{formatCount(s.edits)}</td>
                <td className="num">{formatCount(s.not_deleted)}</td>
                <td>{s.first_effective} – {s.last_effective}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function FeeSchedule({ overview: { pfs_releases, pfs } }: { overview: ReferenceOverview }) {
  const newest = pfs_releases.at(-1);
  return (
    <Section title="CMS fee-schedule indicators (PFS relative value file)" count={n(pfs_releases.length, 'release')} testId="reference-pfs">
      <p className="hint">
        Global days and the bilateral-surgery indicator per HCPCS code (code numbers only), from each quarterly PPRRVU release: they decide modifier 25
        (0/10-day global) or 57 (90-day global) on a same-day E/M, none for services without a global period (XXX), and 50 vs RT/LT.{' '}
        {n(pfs.codes, 'code')} as {n(pfs.intervals, 'validity interval')}; {formatCount(pfs.with_global_now)} codes have a 0, 10 or 90-day global in the newest release.
      </p>
      {newest ? (
        <p data-testid="pfs-newest">
          Each release answers from its first day until the next loaded one; dates of service after {newest.effective_from} use {newest.release}, the newest
          loaded (fee-schedule indicators rarely change; the evidence says when a release is used past its quarter). Import a newer PPRRVU file above to
          replace it.
        </p>
      ) : (
        <p className="error">No fee-schedule release is loaded: the modifier rules fall back to the CPT surgery range for 25 and the short list of one-side procedures.</p>
      )}
      <ScrollBox label="Fee-schedule releases loaded">
        <table className="numbers">
          <thead>
            <tr><th>Release</th><th>Answers dates of service</th><th className="num">Codes</th><th>Origin</th><th>Source</th></tr>
          </thead>
          <tbody>
            {pfs_releases.map((r) => (
              <tr key={r.release} data-testid="pfs-release-row">
                <td>{r.release}</td>
                <td>{r.effective_from} – {r.effective_to ?? 'and after'}</td>
                <td className="num">{formatCount(r.codes)}</td>
                <td>{ORIGIN[r.origin]}</td>
                <td className="source">{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </Section>
  );
}

function Procedures({ overview: { procedures, procedure_groups } }: { overview: ReferenceOverview }) {
  return (
    <Section title="CPT/HCPCS starter list" count={n(procedures.length, 'code')} testId="reference-procedures">
      <p className="hint">
        Code numbers only: CPT descriptors are AMA copyright and are not shown. Deletions we are sure of, each with the release that made it;
        every other procedure code has unknown validity. Code groups the rules use:{' '}
        {procedure_groups.map((g) => `${GROUPS[g.grp] ?? g.grp}: ${n(g.codes, 'code')}`).join('; ')}.
      </p>
      <ScrollBox label="CPT/HCPCS starter list">
        <table className="numbers">
          <thead>
            <tr><th>Code</th><th>Code set</th><th>Last valid date of service</th><th>Replaced by</th><th>Release cited</th></tr>
          </thead>
          <tbody>
            {procedures.map((p) => (
              <tr key={p.code} data-testid="procedure-row">
                <td>{p.code}</td>
                <td>{p.code_system}</td>
                <td>{p.valid_to ?? 'not deleted'}</td>
                <td>{p.replacements.join(', ') || '—'}</td>
                <td className="source">{p.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </Section>
  );
}

const GROUPS: Record<string, string> = { em: 'E/M', lateral: 'one-side procedures (RT/LT) where the fee schedule does not answer' };

function PayerCodes({ overview: { payer_codes, payer_code_lists } }: { overview: ReferenceOverview }) {
  return (
    <Section title="CARC/RARC mapping" count={n(payer_codes.length, 'code')} testId="reference-payer-codes">
      <p className="hint">
        What the payer's reason and remark codes mean for the classification: whether a reason is a denial, its bucket, and whether code data may
        refine it. Every CARC of the list is here, stopped ones with their stop date; a reason code not in the table is shown as unmapped, never
        guessed. Labels are our own short summaries, not X12's wording.
      </p>
      <div className="payer-code-lists">
        {(['CARC', 'RARC'] as const).map((kind) => {
          const rows = payer_codes.filter((c) => c.kind === kind);
          return (
            <div key={kind}>
              <h3>
                {kind === 'CARC' ? 'Claim adjustment reason codes' : 'Remittance advice remark codes'} <span className="count">({n(rows.length, 'code')})</span>
              </h3>
              <p className="hint source">Source: {payer_code_lists[kind]}</p>
              <ScrollBox label={kind === 'CARC' ? 'Claim adjustment reason codes' : 'Remittance advice remark codes'}>
                <table className="numbers">
                  <thead>
                    <tr>
                      <th>{kind}</th>
                      {kind === 'CARC' && <th>Denial</th>}
                      <th>Bucket</th>
                      <th>Our label</th>
                      <th>Role</th>
                      {kind === 'CARC' && <th>Stopped</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((c) => (
                      <tr key={c.code} data-testid="payer-code-row">
                        <td>{c.code}</td>
                        {kind === 'CARC' && <td>{c.denial ? 'yes' : 'no'}</td>}
                        <td>{BUCKET_LABELS[c.bucket]}</td>
                        <td>{c.label}</td>
                        <td>{c.role ? ROLE_LABELS[c.role] : '—'}</td>
                        {kind === 'CARC' && <td>{c.stop_date ?? '—'}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </div>
          );
        })}
      </div>
    </Section>
  );
}

function Section({ title, count, testId, children }: { title: string; count?: string; testId: string; children: ReactNode }) {
  return (
    <section className="panel" data-testid={testId}>
      <h2>
        {title} {count !== undefined && <span className="count">({count})</span>}
      </h2>
      {children}
    </section>
  );
}
