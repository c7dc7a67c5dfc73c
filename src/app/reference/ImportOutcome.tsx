import { useState } from 'react';
import type { Icd10cmFileOutcome, NcciFileOutcome, PfsFileOutcome, ReferenceFileOutcome } from '../../engine/reference/import-reference.ts';
import type { ReleaseName } from '../../engine/reference/icd10cm/releases.ts';
import { formatCount } from '../format.ts';
import { releaseOptions } from './release-options.ts';

const STATUS = { loaded: 'Loaded', skipped: 'Nothing new', rejected: 'Not loaded' } as const;
const DETECTED_BY = { hash: 'its content (SHA-256 of the official file)', 'file name': 'the file name', user: 'your choice' } as const;
const SHOWN_REJECTS = 100;
const n = (count: number, unit: string, units = `${unit}s`) => `${formatCount(count)} ${count === 1 ? unit : units}`;

/** What happened to one imported file, with every rejected line; offers a release choice when the importer asks for one. */
export function ImportOutcome({ outcome, keepProblem, onChooseRelease }: {
  outcome: ReferenceFileOutcome;
  keepProblem?: string;
  onChooseRelease: (release: ReleaseName) => void;
}) {
  return (
    <li className={`status-${outcome.status}`} data-testid="import-outcome">
      <strong>{outcome.name}</strong> — <span className="status">{STATUS[outcome.status]}</span>
      {outcome.kind === 'icd10cm' ? (
        <Icd10cm outcome={outcome} onChooseRelease={onChooseRelease} />
      ) : outcome.kind === 'pfs' ? (
        <Pfs outcome={outcome} />
      ) : (
        <Ncci outcome={outcome} />
      )}
      {outcome.status === 'loaded' && (
        <p className={keepProblem ? 'warning' : 'hint'}>
          {keepProblem
            ? `⚠ Loaded for this session only: it could not be kept in this browser (${keepProblem}).`
            : 'Kept in this browser: imported again at every start.'}
        </p>
      )}
    </li>
  );
}

function Icd10cm({ outcome, onChooseRelease }: { outcome: Icd10cmFileOutcome; onChooseRelease: (release: ReleaseName) => void }) {
  const part = (label: string) => (label === outcome.name ? '' : `${label.slice(outcome.name.length + 1)}: `);
  const asks = outcome.skipped.length > 0 || outcome.rejected.some((r) => r.reason.includes('choose the release'));
  return (
    <>
      <ul className="outcome-details">
        {outcome.loaded.map((l) => (
          <li key={l.file}>
            {part(l.file)}
            <strong>{l.release}</strong> loaded (dates of service from {l.effectiveFrom}): {n(l.codes, 'billable code')},{' '}
            {n(l.headers, 'header')}; release recognised by {DETECTED_BY[l.detectedBy]}.
            {l.warnings.map((w) => (
              <div key={w} className="warning">⚠ {w}</div>
            ))}
          </li>
        ))}
        {outcome.skipped.map((s) => (
          <li key={s.file}>
            {part(s.file)}
            {s.release ? `recognised as ${s.release}; ` : ''}skipped: {s.reason}
          </li>
        ))}
        {outcome.conversions.map((c) => (
          <li key={c.file}>
            {part(c.file)}conversion table: {n(c.rows, 'row')} (previous code → current code, used for replacements)
          </li>
        ))}
        {outcome.rejected.map((r) => (
          <li key={r.file + r.reason}>
            {part(r.file)}
            <span className="error">not loaded: {r.reason}</span>
            {r.lines && <LineProblems lines={r.lines} />}
          </li>
        ))}
      </ul>
      {asks && <ReleaseChoice onChoose={onChooseRelease} />}
    </>
  );
}

function Ncci({ outcome }: { outcome: NcciFileOutcome }) {
  const r = outcome.result;
  if (!r) return <p className="error">{outcome.error}</p>;
  return (
    <>
      <p>
        {n(r.loaded, 'PTP edit')} loaded; {n(r.rejected.length, 'row')} rejected; {n(r.headerLines, 'header line')} and{' '}
        {n(r.blankLines, 'blank line')} skipped.
        {r.replaced.length > 0 && ` Replaces the earlier version ${r.replaced.join(', ')} (CMS files are cumulative).`}
      </p>
      {r.rejected.length > 0 && <LineProblems lines={r.rejected} />}
    </>
  );
}

function Pfs({ outcome }: { outcome: PfsFileOutcome }) {
  const r = outcome.result;
  if (!r) return <p className="error">{outcome.error}</p>;
  return (
    <>
      <p>
        {r.release ? (
          <>
            <strong>{r.release}</strong> loaded (dates of service from {r.effectiveFrom}): global days and bilateral indicator of {n(r.codes, 'code')};{' '}
          </>
        ) : (
          <>{r.skipped}; </>
        )}
        {n(r.rows, 'row')} read, {n(r.rejected.length, 'row')} rejected; {n(r.headerLines, 'header line')} and {n(r.blankLines, 'blank line')} skipped.
      </p>
      {r.rejected.length > 0 && <LineProblems lines={r.rejected} />}
    </>
  );
}

function LineProblems({ lines }: { lines: { line: number; reason: string; file?: string }[] }) {
  const showFile = lines.some((l) => l.file !== lines[0].file);
  return (
    <>
      <table className="rejects" data-testid="import-rejects">
        <thead>
          <tr>{showFile && <th>File</th>}<th className="num">Line</th><th>Reason</th></tr>
        </thead>
        <tbody>
          {lines.slice(0, SHOWN_REJECTS).map((l) => (
            <tr key={`${l.file}:${l.line}`}>{showFile && <td>{l.file}</td>}<td className="num">{l.line}</td><td>{l.reason}</td></tr>
          ))}
        </tbody>
      </table>
      {lines.length > SHOWN_REJECTS && <p className="hint">First {SHOWN_REJECTS} of {n(lines.length, 'rejected row')} shown.</p>}
    </>
  );
}

function ReleaseChoice({ onChoose }: { onChoose: (release: ReleaseName) => void }) {
  const options = releaseOptions();
  const [key, setKey] = useState('');
  const chosen = options.find((o) => o.key === key);
  return (
    <p className="release-choice">
      <label>
        Import it as{' '}
        <select value={key} onChange={(e) => setKey(e.target.value)} data-testid="release-choice">
          <option value="">choose the release…</option>
          {options.map((o) => (
            <option key={o.key} value={o.key}>{o.label}</option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={!chosen} onClick={() => chosen && onChoose(chosen.name)}>Import as this release</button>
    </p>
  );
}
