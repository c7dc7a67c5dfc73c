import { useEffect, useMemo, useState } from 'react';
import { CSV_FIELDS, FIELD_LABELS, REQUIRED_FIELDS, type CsvField } from '../../engine/ingest/csv/header-aliases.ts';
import type { HeaderMapping } from '../../engine/ingest/csv/header-mapping.ts';
import { SAMPLE_BYTES, readCsvSample, type CsvSample } from '../../engine/ingest/csv/csv-sample.ts';
import { checkMapping, type MappingProblem } from '../../engine/ingest/csv/mapping-check.ts';
import { messageOf } from '../../engine/message-of.ts';
import { formatCount } from '../format.ts';
import { ScrollBox } from './ScrollBox.tsx';

interface Props {
  file: File;
  /** The mapping to start from: the guess, the remembered one, or the one the file was loaded with. */
  mapping: HeaderMapping;
  /** Why a mapping with every required column was not used (the engine's check); else the dialog says columns are missing. */
  reason?: string;
  /** 'remap': the file is loaded already and is read again with the mapping chosen. */
  purpose: 'load' | 'remap';
  /** `headers`: the file's, as written (remembered with the mapping). */
  onConfirm: (mapping: HeaderMapping, headers: string[]) => void;
  onCancel: () => void;
}

const PREVIEW_ROWS = 5;
const FIELDS: CsvField[] = [...REQUIRED_FIELDS, ...CSV_FIELDS.filter((f) => !REQUIRED_FIELDS.includes(f))];

/**
 * Which column is which: the file's first rows under each column, the field each is read as,
 * and the mapping checked against the file's values (mapping-check.ts) as it is changed.
 * Errors block loading; warnings say what will happen to the rows concerned.
 */
export function MappingDialog({ file, mapping: initial, reason, purpose, onConfirm, onCancel }: Props) {
  const [mapping, setMapping] = useState<HeaderMapping>(initial);
  const [sample, setSample] = useState<CsvSample | null>(null);
  const [readError, setReadError] = useState('');
  useEffect(() => {
    let live = true;
    file.slice(0, SAMPLE_BYTES).arrayBuffer().then(
      (buffer) => live && setSample(readCsvSample(new Uint8Array(buffer), file.size)),
      (e) => live && setReadError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [file]);
  // each field-and-column answer is kept for this file: a change re-checks only the field changed
  const cache = useMemo(() => (sample ? new Map<string, MappingProblem | null>() : undefined), [sample]);
  const check = useMemo(() => (sample ? checkMapping(sample, mapping, cache) : null), [sample, mapping, cache]);
  const headers = sample?.headers ?? [];
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const errors = check?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const readAs = (column: number) => FIELDS.filter((f) => mapping[f] === column).map((f) => FIELD_LABELS[f]).join(', ');
  const firstValues = (column: number | undefined) =>
    column === undefined || !sample ? '' : [...new Set(sample.rows.map((r) => r.cells[column]?.trim()).filter(Boolean))].slice(0, 3).join(' · ');

  const action = purpose === 'remap' ? 'Read again with this mapping' : 'Load with this mapping';
  const blocked = !check || missing.length > 0 || errors > 0;
  const label = !check
    ? 'Checking the file…'
    : missing.length
      ? `Map ${missing.length} more required column${missing.length > 1 ? 's' : ''}`
      : errors
        ? `Fix ${errors} problem${errors > 1 ? 's' : ''} to load`
        : action;

  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="mapping-title" className="dialog mapping-dialog">
        <h2 id="mapping-title">Which column is which in “{file.name}”?</h2>
        <p>
          {purpose === 'remap'
            ? 'The file is read again with the columns chosen here: what it added is unloaded first, so nothing is counted twice.'
            : reason ?? 'Some required columns could not be recognised.'}{' '}
          Your choice is remembered for files with the same columns.
        </p>
        {readError && <p className="error" role="alert">The file could not be read: {readError}</p>}
        {sample && (
          <ScrollBox label="The file’s first rows">
            <table className="mapping-preview" data-testid="mapping-preview">
              <thead>
                <tr>
                  <th scope="row">Column</th>
                  {headers.map((h, i) => <th key={i} scope="col">{h || `(column ${i + 1})`}</th>)}
                </tr>
                <tr className="read-as">
                  <th scope="row">Read as</th>
                  {headers.map((_, i) => <td key={i}>{readAs(i) || '—'}</td>)}
                </tr>
              </thead>
              <tbody>
                {sample.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.row}>
                    <th scope="row">Row {r.row}</th>
                    {headers.map((_, i) => <td key={i}>{r.cells[i]}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
        {check && (
          <div className="mapping-check" data-testid="mapping-check">
            <p className="hint">
              Checked against {check.whole ? `all ${formatCount(check.rowsChecked)} rows of the file` : `the first ${formatCount(check.rowsChecked)} rows`}:{' '}
              {check.problems.length === 0 ? 'every mapped column holds what it is read as.' : `${check.problems.length} problem${check.problems.length > 1 ? 's' : ''}.`}
            </p>
            {check.problems.length > 0 && (
              <ul data-testid="mapping-problems">
                {check.problems.map((p) => (
                  <li key={`${p.fields.join('+')}-${p.column}`} className={p.severity === 'error' ? 'error' : 'warning'} data-severity={p.severity}>
                    <strong>{p.severity === 'error' ? 'Wrong column' : 'Check'}:</strong> {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="mapping-grid">
          {FIELDS.map((field) => (
            <label key={field} className={REQUIRED_FIELDS.includes(field) ? 'required' : ''}>
              <span>
                {FIELD_LABELS[field]}
                {REQUIRED_FIELDS.includes(field) && ' *'}
                {mapping[field] !== undefined && <small className="first-values"> {firstValues(mapping[field])}</small>}
              </span>
              <select
                data-field={field}
                value={mapping[field] ?? ''}
                onChange={(e) =>
                  setMapping((m) => {
                    const next = { ...m };
                    if (e.target.value === '') delete next[field];
                    else next[field] = Number(e.target.value);
                    return next;
                  })
                }
              >
                <option value="">— not in this file —</option>
                {headers.map((h, i) => (
                  <option key={i} value={i}>{h || `(column ${i + 1})`}</option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="button" className="primary" disabled={blocked} onClick={() => onConfirm(mapping, headers)}>
            {label}
          </button>
        </div>
      </div>
    </div>
  );
}
