import { useState } from 'react';
import type { LoadEntry } from '../App.tsx';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryError } from './QueryState.tsx';
import { formatCount, formatCountOf } from '../format.ts';
import { RemoveFileButton } from './RemoveFileButton.tsx';
import { RejectGroups } from './RejectGroups.tsx';
import { FileWarning } from './FileWarning.tsx';

const STATUS_LABEL = { loaded: 'Loaded', duplicate: 'Already loaded', 'needs-mapping': 'Needs column mapping', rejected: 'Not loaded' };

/**
 * What happened to every file, and the rows that could not be loaded grouped by reason.
 * One summary line (files, rows loaded and rejected, warnings) that opens on demand, so a batch of 95 files does not push the review below the fold.
 */
export function LoadLog({ entries, onRemove }: { entries: LoadEntry[]; onRemove: (fileId: number, sha256: string) => Promise<void> }) {
  const [showRejects, setShowRejects] = useState(false);
  const rejectGroupsQuery = useEngineQuery(() => engine.call('rejectGroups'), []);
  const rejectGroups = rejectGroupsQuery.data;
  const rejected = rejectGroups?.reduce((n, g) => n + g.rows, 0) ?? 0;
  if (entries.length === 0 && rejected === 0 && !rejectGroupsQuery.error) return null;
  const results = entries.map((e) => e.result);
  const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + f(r), 0);
  const notLoaded = results.filter((r) => r.status === 'rejected' || r.status === 'needs-mapping').length;
  const duplicates = results.filter((r) => r.status === 'duplicate').length;
  const warnings = sum((r) => r.warnings.length);
  return (
    <section className="panel load-log" aria-labelledby="load-log-title">
      <h2 id="load-log-title">Files</h2>
      <details data-testid="load-summary">
        <summary>
          {formatCountOf(results.length, 'file')} · {formatCount(sum((r) => r.rowsLoaded))} rows loaded · {formatCount(sum((r) => r.rowsRejected))} rejected
          {' · '}{formatCountOf(warnings, 'warning')}
          {duplicates > 0 && ` · ${formatCount(duplicates)} already loaded`}
          {notLoaded > 0 && <span className="status-rejected"> · <span className="status">{formatCountOf(notLoaded, 'file')} not loaded</span></span>}
        </summary>
        <ul>
          {entries.map(({ result }) => (
            <li key={`${result.name}-${result.sha256 ?? result.message}`} className={`status-${result.status}`} data-testid="load-result">
              <strong>{result.name}</strong> — <span className="status">{STATUS_LABEL[result.status]}</span>: {result.message}
              {result.status === 'loaded' && result.fileId !== null && result.sha256 && (
                <> <RemoveFileButton name={result.name} onRemove={() => onRemove(result.fileId!, result.sha256!)} /></>
              )}
              {result.warnings.map((w) => (
                <FileWarning key={w} warning={w} />
              ))}
            </li>
          ))}
        </ul>
      </details>
      {rejectGroupsQuery.error && <QueryError error={rejectGroupsQuery.error} name="Rejected rows" onRetry={rejectGroupsQuery.retry} />}
      {rejectGroups && rejected > 0 && (
        <>
          <button type="button" onClick={() => setShowRejects((s) => !s)} aria-expanded={showRejects}>
            {showRejects ? 'Hide' : 'Show'} {formatCount(rejected)} rejected rows by reason
          </button>
          {showRejects && <RejectGroups groups={rejectGroups} />}
        </>
      )}
    </section>
  );
}
