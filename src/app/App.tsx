import { useCallback, useEffect, useState } from 'react';
import { engine } from './engine-instance.ts';
import { useEngineQuery } from './use-engine-query.ts';
import type { FileLoadResult } from '../engine/ingest/load-file.ts';
import type { HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';
import type { LoadProgress } from '../engine/ingest/load-progress.ts';
import type { Filters } from '../engine/analytics/filters.sql.ts';
import { FileLoader } from './components/FileLoader.tsx';
import { LoadLog } from './components/LoadLog.tsx';
import { MappingDialog } from './components/MappingDialog.tsx';
import { KpiTiles } from './components/KpiTiles.tsx';
import { MonthlyChart } from './components/MonthlyChart.tsx';
import { DeniedLinesTable } from './components/DeniedLinesTable.tsx';
import { rememberMapping, rememberedMappings } from './mapping-memory.ts';
import { loadSampleFiles } from './sample-data.ts';
import { formatMonth } from './format.ts';
import { CATEGORY_LABELS, type Category } from '../engine/classify/categories.ts';

export interface LoadEntry {
  result: FileLoadResult;
  file: File;
}

export function App() {
  const [status, setStatus] = useState<'starting' | 'ready' | 'failed'>('starting');
  const [startError, setStartError] = useState('');
  const [loads, setLoads] = useState<LoadEntry[]>([]);
  const [progress, setProgress] = useState<{ file: string; progress: LoadProgress } | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const [filters, setFilters] = useState<Filters>({});

  useEffect(() => {
    engine.onProgress = (file, p) => setProgress({ file, progress: p });
    engine.ready.then(
      () => setStatus('ready'),
      (e: Error) => {
        setStatus('failed');
        setStartError(e.message);
      },
    );
  }, []);

  const load = useCallback(async (files: File[], explicit?: { signature: string; mapping: HeaderMapping }) => {
    if (explicit) rememberMapping(explicit.signature, explicit.mapping);
    setBusy(true);
    try {
      const results = await engine.load(files, rememberedMappings());
      setLoads((previous) => [
        ...previous.filter((entry) => !files.includes(entry.file)),
        ...results.map((result, i) => ({ result, file: files[i] })),
      ]);
      if (results.some((r) => r.status === 'loaded')) setVersion((v) => v + 1);
    } catch (e) {
      setLoads((previous) => [
        ...previous,
        ...files.map((file) => ({ file, result: failed(file, e instanceof Error ? e.message : String(e)) })),
      ]);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }, []);

  useEffect(() => {
    if (status === 'ready' && new URLSearchParams(location.search).has('demo')) {
      loadSampleFiles('csv').then((files) => load(files));
    }
  }, [status, load]);

  const options = useEngineQuery(() => engine.call('filterOptions'), [version]);
  const hasData = (options?.service_months.length ?? 0) > 0;
  const needsMapping = loads.find((entry) => entry.result.status === 'needs-mapping');

  return (
    <div className="app">
      <header className="app-header">
        <h1>Denial Lens</h1>
        <p className="privacy" title="Files are read by this page only. Nothing is uploaded; no request leaves this computer.">
          Your files never leave this browser: nothing is uploaded.
        </p>
      </header>

      {status === 'failed' && <p className="error">The analysis engine could not start: {startError}</p>}

      <FileLoader disabled={status !== 'ready' || busy} busy={busy} progress={progress} onFiles={(files) => load(files)}
        onSample={(kind) => loadSampleFiles(kind).then((files) => load(files))} />

      <LoadLog entries={loads} version={version} />

      {needsMapping && needsMapping.result.proposal && (
        <MappingDialog
          fileName={needsMapping.file.name}
          proposal={needsMapping.result.proposal}
          onCancel={() => setLoads((previous) => previous.filter((entry) => entry !== needsMapping))}
          onConfirm={(mapping) => load([needsMapping.file], { signature: needsMapping.result.proposal!.signature, mapping })}
        />
      )}

      {hasData && (
        <main>
          <KpiTiles filters={filters} version={version} />
          <section className="panel">
            <h2>Denied lines by month and category</h2>
            <p className="hint">Month of the date of service. Click a bar to list its lines below.</p>
            <MonthlyChart
              version={version}
              onSelect={(month, category) => setFilters((f) => ({ ...f, month, categories: category ? [category] : undefined }))}
            />
          </section>
          <section className="panel">
            <div className="panel-title">
              <h2>Denied lines</h2>
              {(filters.month || filters.categories) && (
                <span className="active-filter" data-testid="active-filter">
                  {filters.month && formatMonth(filters.month)}
                  {filters.categories && ` · ${CATEGORY_LABELS[filters.categories[0] as Category]}`}
                  <button type="button" onClick={() => setFilters({})} aria-label="Clear filter">✕ clear</button>
                </span>
              )}
            </div>
            <DeniedLinesTable filters={filters} version={version} />
          </section>
        </main>
      )}
    </div>
  );
}

function failed(file: File, message: string): FileLoadResult {
  return {
    name: file.name,
    status: 'rejected',
    message,
    sha256: null,
    fileId: null,
    format: null,
    content: null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    warnings: [],
  };
}
