import { useState } from 'react';
import type { LoadEntry } from '../App.tsx';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { formatCount } from '../format.ts';

const STATUS_LABEL = { loaded: 'Loaded', duplicate: 'Already loaded', 'needs-mapping': 'Needs column mapping', rejected: 'Not loaded' };

/** What happened to every file, and every row that could not be loaded, with file, line and reason. */
export function LoadLog({ entries, version }: { entries: LoadEntry[]; version: number }) {
  const [showRejects, setShowRejects] = useState(false);
  const rejects = useEngineQuery(() => engine.call('rejects'), [version]);
  if (entries.length === 0 && !rejects?.length) return null;
  return (
    <section className="panel load-log" aria-label="Loaded files">
      <h2>Files</h2>
      <ul>
        {entries.map(({ result }) => (
          <li key={`${result.name}-${result.sha256 ?? result.message}`} className={`status-${result.status}`} data-testid="load-result">
            <strong>{result.name}</strong> — <span className="status">{STATUS_LABEL[result.status]}</span>: {result.message}
            {result.warnings.map((w) => (
              <div key={w} className="warning">⚠ {w}</div>
            ))}
          </li>
        ))}
      </ul>
      {rejects && rejects.length > 0 && (
        <>
          <button type="button" onClick={() => setShowRejects((s) => !s)} aria-expanded={showRejects}>
            {showRejects ? 'Hide' : 'Show'} {formatCount(rejects.length)} rejected rows
          </button>
          {showRejects && (
            <table className="rejects" data-testid="rejects">
              <thead>
                <tr><th>File</th><th>Line</th><th>Reason</th><th>Text</th></tr>
              </thead>
              <tbody>
                {rejects.slice(0, 500).map((r, i) => (
                  <tr key={i}>
                    <td>{r.file}</td>
                    <td className="num">{r.line ?? '—'}</td>
                    <td>{r.reason}</td>
                    <td className="excerpt">{r.excerpt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
