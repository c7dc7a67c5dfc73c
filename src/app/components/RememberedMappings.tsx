import { useEffect, useState } from 'react';
import { CSV_FIELDS, FIELD_LABELS } from '../../engine/ingest/csv/header-aliases.ts';
import { forgetMapping, rememberedLayouts, type RememberedLayout } from '../mapping-memory.ts';
import { useDataVersion } from '../data-version.ts';
import { messageOf } from '../../engine/message-of.ts';
import { formatCountOf } from '../format.ts';

/**
 * The column mappings remembered for export layouts: which columns, what each is read as,
 * when it was confirmed; each can be forgotten (the next such file is mapped from its header names).
 */
export function RememberedMappings() {
  const version = useDataVersion();
  const [layouts, setLayouts] = useState<RememberedLayout[]>(rememberedLayouts);
  const [problem, setProblem] = useState('');
  // a load may have remembered one
  useEffect(() => setLayouts(rememberedLayouts()), [version]);

  const forget = (signature: string) => {
    try {
      forgetMapping(signature);
      setProblem('');
    } catch (e) {
      setProblem(`not forgotten: ${messageOf(e)}`);
    }
    setLayouts(rememberedLayouts());
  };

  return (
    <section className="panel" data-testid="remembered-mappings">
      <h2>Remembered column mappings <span className="count">({layouts.length})</span></h2>
      {layouts.length === 0 ? (
        <p className="hint">None: CSV files are mapped from their header names, and the mapping you confirm for a layout is remembered here.</p>
      ) : (
        <ul className="remembered-mappings">
          {layouts.map((l) => (
            <li key={l.signature} data-testid="remembered-mapping">
              <strong>{formatCountOf(l.headers.length, 'column')}: {l.headers.join(', ')}</strong>
              {' · '}{l.savedAt ? `confirmed ${new Date(l.savedAt).toLocaleString('en-US')}` : 'confirmed earlier'}{' '}
              <button type="button" onClick={() => forget(l.signature)} aria-label={`Forget the mapping of ${l.headers.join(', ')}`}>Forget</button>
              <div className="hint">
                {CSV_FIELDS.filter((f) => l.mapping[f] !== undefined)
                  .map((f) => `${FIELD_LABELS[f]} ← ${l.headers[l.mapping[f]!] ?? `column ${l.mapping[f]! + 1}`}`)
                  .join('; ')}
              </div>
            </li>
          ))}
        </ul>
      )}
      {problem && <p className="error" role="alert">{problem}</p>}
    </section>
  );
}
