import { useEffect, useRef, useState } from 'react';
import type { HeaderMapping } from '../../engine/ingest/csv/header-mapping.ts';
import { formatCountOf } from '../format.ts';
import { formatBytes } from '../../browser/format-bytes.ts';
import { keepLoadedFiles, keptFilesToLoad, setKeepingData, storedSummary, type LoadedFile, type StoredAmount, type StoredSummary } from '../storage/keep-data.ts';
import { keepingData } from '../storage/retention.ts';
import { eraseAllAndReload, takeErasedMark } from '../storage/session-start.ts';
import { useDataVersion } from '../data-version.ts';
import { messageOf } from '../../engine/message-of.ts';
import './privacy.css';

/** Set when this page was opened by "Erase all data". */
const erasedAt = takeErasedMark();

interface Props {
  /** The engine is ready: the kept files can be loaded again. */
  ready: boolean;
  loads: readonly LoadedFile[];
  onLoadKept: (files: File[], mappings: (HeaderMapping | null)[]) => void;
}

/**
 * "Keep data on this computer", what is stored, and "Erase all data". While the switch is
 * on, every file that loads is kept, and the kept files are loaded again when the app starts.
 */
export function PrivacyPanel({ ready, loads, onLoadKept }: Props) {
  const version = useDataVersion();
  const [keeping, setKeeping] = useState(keepingData);
  const [summary, setSummary] = useState<StoredSummary | null>(null);
  const [problem, setProblem] = useState('');
  const [working, setWorking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const restored = useRef(false);

  const refresh = () => void storedSummary().then(setSummary, (e: Error) => setProblem(`what is stored cannot be read: ${e.message}`));
  const report = (what: string) => (e: unknown) => setProblem(`${what}: ${messageOf(e)}`);

  useEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    keptFilesToLoad().then(({ files, mappings }) => files.length > 0 && onLoadKept(files, mappings), report('the kept files could not be read'));
  }, [ready, onLoadKept]);

  useEffect(() => {
    keepLoadedFiles(loads).then(refresh, report('the loaded files could not be kept'));
  }, [loads, keeping]);

  useEffect(refresh, [version]);

  const toggle = async (keep: boolean) => {
    setKeeping(keep); // at once; set again below from what was stored
    setWorking(true);
    setProblem('');
    try {
      await setKeepingData(keep, loads);
    } catch (e) {
      report(keep ? 'the data could not be kept' : 'the kept data could not be removed')(e);
    } finally {
      setKeeping(keepingData());
      setWorking(false);
      refresh();
    }
  };

  const erase = async () => {
    setWorking(true);
    try {
      await eraseAllAndReload();
    } catch (e) {
      report('not everything could be erased')(e);
      setWorking(false);
      refresh();
    }
  };

  return (
    <section className="privacy-panel" aria-label="Privacy and storage" data-testid="privacy-panel">
      <label className="keep-switch">
        <input type="checkbox" role="switch" checked={keeping} disabled={working} onChange={(e) => toggle(e.target.checked)} data-testid="keep-data" />
        <span>Keep data on this computer</span>
      </label>
      <span className="keep-state" data-testid="keep-state">
        {keeping
          ? 'On: your files, column mappings, reference imports and audit worksheets are kept in this browser until you erase them.'
          : 'Off: nothing you load is kept after this tab is closed.'}
      </span>
      {confirming ? (
        <span className="erase-confirm" role="alertdialog" aria-label="Erase all data">
          Erase everything Denial Lens stored in this browser and unload the data from this page?{' '}
          <button type="button" className="danger" disabled={working} onClick={erase} data-testid="erase-confirm">Erase everything</button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </span>
      ) : (
        <button type="button" className="danger" disabled={working} onClick={() => setConfirming(true)} data-testid="erase-all">Erase all data</button>
      )}
      {erasedAt && <span className="erased" role="status" data-testid="erased">All data was erased at {erasedAt}.</span>}
      {problem && <span className="error" role="alert">{problem}</span>}
      <details onToggle={(e) => (e.currentTarget.open ? refresh() : undefined)}>
        <summary data-testid="stored-total">{summary ? storedLine(summary) : 'Stored in this browser: …'}</summary>
        {summary && <StoredDetails summary={summary} />}
      </details>
    </section>
  );
}

function storedLine(s: StoredSummary): string {
  const bytes = s.files.bytes + s.auditSamples.bytes + s.actions.bytes + s.referenceFiles.bytes + s.mappings.bytes;
  const where = s.keeping ? 'Kept on this computer' : 'Kept for this tab only';
  return bytes === 0 ? 'Nothing is stored' : `${where}: ${formatBytes(bytes)}`;
}

function StoredDetails({ summary: s }: { summary: StoredSummary }) {
  const row = (label: string, amount: StoredAmount, unit: string, where: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatCountOf(amount.count, unit)}</td>
      <td>{formatBytes(amount.bytes)}</td>
      <td>{amount.count > 0 ? where : ''}</td>
    </tr>
  );
  const tab = s.keeping ? 'IndexedDB, until erased' : 'this tab, until it is closed';
  return (
    <div className="stored-details" data-testid="stored-details">
      <table>
        <tbody>
          {row('Loaded files', s.files, 'file', 'IndexedDB, loaded again at start-up')}
          {row('Audit samples and worksheets', s.auditSamples, 'sample', tab)}
          {row('Actions on denial patterns', s.actions, 'action', tab)}
          {row('Reference imports (no patient data)', s.referenceFiles, 'file', s.keeping ? 'IndexedDB, until erased' : 'IndexedDB, erased when a new tab starts')}
          {row('Column mappings (no patient data)', s.mappings, 'layout', s.keeping ? 'localStorage, until erased' : 'this tab, until it is closed')}
        </tbody>
      </table>
      {s.browser && (
        <p className="hint" data-testid="browser-estimate">
          The browser counts {formatBytes(s.browser.usage)} for this site
          {s.browser.appFiles !== null ? `, of which ${formatBytes(s.browser.appFiles)} are the app’s own files kept for offline use (no data)` : ''}, of{' '}
          {formatBytes(s.browser.quota)} it allows.
        </p>
      )}
    </div>
  );
}
