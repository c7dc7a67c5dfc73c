import { useState } from 'react';
import { CSV_FIELDS, FIELD_LABELS, REQUIRED_FIELDS, type CsvField } from '../../engine/ingest/csv/header-aliases.ts';
import type { HeaderMapping, MappingProposal } from '../../engine/ingest/csv/header-mapping.ts';

interface Props {
  fileName: string;
  proposal: MappingProposal;
  onConfirm: (mapping: HeaderMapping) => void;
  onCancel: () => void;
}

/** Shown instead of failing when a required column cannot be matched; the choice is remembered for this layout. */
export function MappingDialog({ fileName, proposal, onConfirm, onCancel }: Props) {
  const [mapping, setMapping] = useState<HeaderMapping>(proposal.mapping);
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const fields: CsvField[] = [...REQUIRED_FIELDS, ...CSV_FIELDS.filter((f) => !REQUIRED_FIELDS.includes(f))];
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="mapping-title" className="dialog">
        <h2 id="mapping-title">Which column is which in “{fileName}”?</h2>
        <p>
          Some required columns could not be recognised. Pick the matching column for each; your choice is remembered for
          files with the same columns.
        </p>
        <div className="mapping-grid">
          {fields.map((field) => (
            <label key={field} className={REQUIRED_FIELDS.includes(field) ? 'required' : ''}>
              <span>
                {FIELD_LABELS[field]}
                {REQUIRED_FIELDS.includes(field) && ' *'}
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
                {proposal.headers.map((h, i) => (
                  <option key={i} value={i}>{h || `(column ${i + 1})`}</option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="button" className="primary" disabled={missing.length > 0} onClick={() => onConfirm(mapping)}>
            {missing.length ? `Map ${missing.length} more required column${missing.length > 1 ? 's' : ''}` : 'Load with this mapping'}
          </button>
        </div>
      </div>
    </div>
  );
}
