import { useCallback, useEffect, useState } from 'react';
import { engine } from './engine-instance.ts';
import { useEngineQuery } from './use-engine-query.ts';
import { DataVersionContext } from './data-version.ts';
import { messageOf } from '../engine/message-of.ts';
import { rejectedFile, type FileLoadResult } from '../engine/ingest/file-load-result.ts';
import { headerSignature, type HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';
import { FileLoader, type LoadState } from './components/FileLoader.tsx';
import { LoadLog } from './components/LoadLog.tsx';
import { MappingDialog } from './components/MappingDialog.tsx';
import { rememberMapping, rememberedMappings } from './mapping-memory.ts';
import { loadSampleFiles } from './sample-data.ts';
import { PAGES } from './pages.ts';
import { DETAIL_PARAMS, useUrlParam } from './url-state.ts';
import type { ReferenceRestore } from '../worker/restore-reference.ts';
import { PrivacyPanel } from './privacy/PrivacyPanel.tsx';
import { QueryError } from './components/QueryState.tsx';
import { forgetKeptFile } from './storage/kept-files.ts';
import { SamplesToReopen } from './audit/SamplesToReopen.tsx';

export interface LoadEntry {
  result: FileLoadResult;
  file: File;
}

export function App() {
  const [status, setStatus] = useState<'starting' | 'ready' | 'failed'>('starting');
  const [startError, setStartError] = useState('');
  const [referenceError, setReferenceError] = useState('');
  const [restore, setRestore] = useState<ReferenceRestore | null>(null);
  const [loads, setLoads] = useState<LoadEntry[]>([]);
  const [progress, setProgress] = useState<LoadState | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const [removed, setRemoved] = useState('');
  const [remapping, setRemapping] = useState<LoadEntry | null>(null);
  const [pageId, setPageId] = useUrlParam('page', PAGES[0].id, { clears: DETAIL_PARAMS });
  const [sampleId, setSampleId] = useUrlParam('sample', '');
  const page = PAGES.find((p) => p.id === pageId) ?? PAGES[0];

  useEffect(() => {
    engine.onProgress = (file, p, batch) => setProgress({ file, progress: p, batch });
    engine.onReferenceFailed = setReferenceError;
    engine.onReferenceRestore = (r) => {
      setRestore(r);
      if (!r.running) setVersion((v) => v + 1);
    };
    engine.ready.then(
      () => setStatus('ready'),
      (e: Error) => {
        setStatus('failed');
        setStartError(e.message);
      },
    );
  }, []);

  /** `confirmed`: the mapping the user chose for these files (remembered for their layout). Answers what became of each file. */
  const load = useCallback(async (files: File[], confirmed?: { headers: string[]; mapping: HeaderMapping }, fileMappings?: (HeaderMapping | null)[]): Promise<FileLoadResult[]> => {
    if (confirmed) rememberMapping(headerSignature(confirmed.headers), confirmed.mapping, confirmed.headers);
    setRemoved('');
    setBusy(true);
    try {
      const results = await engine.load(files, rememberedMappings(), fileMappings);
      setLoads((previous) => [
        ...previous.filter((entry) => !files.includes(entry.file)),
        ...results.map((result, i) => ({ result, file: files[i] })),
      ]);
      if (results.some((r) => r.status === 'loaded')) setVersion((v) => v + 1);
      return results;
    } catch (e) {
      const results = files.map((file) => rejectedFile(file.name, messageOf(e)));
      setLoads((previous) => [...previous, ...results.map((result, i) => ({ file: files[i], result }))]);
      return results;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }, []);

  /** Unloads a file and everything it added; its kept copy (if "Keep data" is on) goes too. */
  const removeFile = useCallback(async (fileId: number, sha256: string) => {
    const { name, repeats } = await engine.call('removeFile', fileId);
    setLoads((previous) => previous.filter((entry) => entry.result.sha256 !== sha256));
    await forgetKeptFile(sha256);
    setVersion((v) => v + 1);
    const refused = repeats.map((r) => `“${r.name}” (${r.payments})`).join(', ');
    setRemoved(
      `“${name}” was unloaded with every row it added.` +
        (refused ? ` Payments in ${refused} had been refused as repeats of it: load those files again to count them.` : ''),
    );
  }, []);

  /** Reads a loaded CSV again with another mapping: what it added is unloaded first, so nothing counts twice. */
  const remapFile = useCallback(async (entry: LoadEntry, mapping: HeaderMapping, headers: string[]) => {
    setRemapping(null);
    setBusy(true);
    try {
      await engine.call('removeFile', entry.result.fileId!);
      setLoads((previous) => previous.filter((e) => e !== entry));
      setVersion((v) => v + 1);
      await forgetKeptFile(entry.result.sha256!);
    } catch (e) {
      setBusy(false);
      setRemoved(`“${entry.file.name}” was not read again: ${messageOf(e)}`);
      return;
    }
    const [result] = await load([entry.file], { headers, mapping }, [mapping]);
    setRemoved(result.status === 'loaded'
      ? `“${entry.file.name}” was read again with the new column mapping.`
      : `“${entry.file.name}” was unloaded but could not be read again with the new column mapping: ${result.message}. Load it again to count it.`);
  }, [load]);
  const reviewMapping = useCallback(
    (sha256: string) => setRemapping(loads.find((e) => e.result.sha256 === sha256 && e.result.status === 'loaded') ?? null),
    [loads],
  );

  useEffect(() => {
    if (status === 'ready' && new URLSearchParams(location.search).has('demo')) {
      loadSampleFiles('csv').then((files) => load(files));
    }
  }, [status, load]);

  // App provides the data version, so it names it itself (the context is read below it)
  const options = useEngineQuery(() => engine.call('filterOptions'), [version]);
  const hasData = (options.data?.service_months.length ?? 0) > 0;
  const dataChanged = useCallback(() => setVersion((v) => v + 1), []);
  const needsMapping = loads.find((entry) => entry.result.status === 'needs-mapping');

  return (
    <DataVersionContext value={version}>
    <div className="app">
      <header className="app-header">
        <h1>Denial Lens</h1>
        <p className="privacy" title="Files are read by this page only. Nothing is uploaded; no request leaves this computer.">
          Your files never leave this browser: nothing is uploaded.
        </p>
      </header>
      <main>
      <PrivacyPanel ready={status === 'ready'} loads={loads} onLoadKept={(files, mappings) => load(files, undefined, mappings)} />

      {status === 'failed' && <p className="error">The analysis engine could not start: {startError}</p>}
      {referenceError && (
        <p className="error" role="alert">
          The ICD-10-CM reference could not be loaded ({referenceError}): diagnosis codes are shown as unknown to reference.
        </p>
      )}
      {restore?.running && (
        <p className="hint" role="status" data-testid="reference-restore">
          Importing your reference files again ({restore.files.join(', ')}): diagnosis codes and NCCI edits are checked once this is done.
        </p>
      )}
      {restore && !restore.running && restore.problems.length > 0 && (
        <div className="error" role="alert" data-testid="reference-restore">
          Some of your reference files were not imported again (see the Reference data page):
          <ul>{restore.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}

      {options.error && <QueryError error={options.error} name="The loaded data’s months, payers and providers" onRetry={options.retry} />}

      <FileLoader disabled={status !== 'ready' || busy} busy={busy} progress={progress} onFiles={(files) => load(files)}
        onSample={(kind) => loadSampleFiles(kind).then((files) => load(files))} />

      {removed && <p className="hint" role="status" data-testid="file-removed">{removed}</p>}

      <LoadLog entries={loads} onRemove={removeFile} />

      {needsMapping && needsMapping.result.proposal && (
        <MappingDialog
          key={needsMapping.result.sha256}
          file={needsMapping.file}
          mapping={needsMapping.result.proposal.mapping}
          reason={needsMapping.result.proposal.missing.length ? undefined : needsMapping.result.message}
          purpose="load"
          onCancel={() => setLoads((previous) => previous.filter((entry) => entry !== needsMapping))}
          onConfirm={(mapping, headers) => load([needsMapping.file], { headers, mapping }, [mapping])}
        />
      )}
      {!needsMapping && remapping && (
        <MappingDialog
          file={remapping.file}
          mapping={remapping.result.mapping ?? {}}
          purpose="remap"
          onCancel={() => setRemapping(null)}
          onConfirm={(mapping, headers) => remapFile(remapping, mapping, headers)}
        />
      )}

      {!hasData && status === 'ready' && !busy && (
        <SamplesToReopen
          selectedId={page.id === 'audit' ? sampleId : ''}
          onOpen={(id) => {
            setPageId('audit');
            setSampleId(id);
          }}
        />
      )}
      {!hasData && page.id === 'audit' && status === 'ready' && (
        <p className="hint" data-testid="audit-needs-data">Load your claim files above to draw an audit sample or reopen a saved one.</p>
      )}

      {!hasData && !page.withoutData && status === 'ready' && (
        <p className="reference-link">
          <button type="button" className="link" onClick={() => setPageId('reference')}>Reference data: ICD-10-CM releases, NCCI edits, code lists</button>
        </p>
      )}

      {(hasData || page.withoutData) && (
        <>
          {hasData && (
            <nav className="tabs" aria-label="Pages">
              {PAGES.map((p) => (
                <button key={p.id} type="button" aria-current={p.id === page.id ? 'page' : undefined} onClick={() => setPageId(p.id)}>
                  {p.label}
                </button>
              ))}
            </nav>
          )}
          <page.component onDataChanged={dataChanged} onRemoveFile={removeFile} onReviewMapping={reviewMapping} />
        </>
      )}
      </main>
    </div>
    </DataVersionContext>
  );
}
