import { useState } from 'react';
import type { ReferenceFileOutcome, ReferenceKind } from '../../engine/reference/import-reference.ts';
import type { ReleaseName } from '../../engine/reference/icd10cm/releases.ts';
import { ImportOutcome } from './ImportOutcome.tsx';
import { importAndKeep } from './import-files.ts';
import { messageOf } from '../../engine/message-of.ts';

interface Entry {
  kind: ReferenceKind;
  file: File;
  outcome: ReferenceFileOutcome;
  keepProblem?: string;
}

/** Import official ICD-10-CM, NCCI PTP and CMS PFS indicator files; tells per file what was loaded, skipped or rejected. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');

  const run = async (kind: ReferenceKind, files: File[], release?: ReleaseName) => {
    setBusy(files.map((f) => f.name).join(', '));
    setError('');
    try {
      const { outcomes, keepProblem } = await importAndKeep(kind, files, release);
      const fresh = outcomes.map((outcome, i) => ({ kind, file: files[i], outcome, keepProblem }));
      setEntries((previous) => [...fresh, ...previous.filter((e) => !(e.kind === kind && files.some((f) => f.name === e.file.name)))]);
      if (outcomes.some((o) => o.status === 'loaded')) onImported();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const input = (kind: ReferenceKind, id: string, accept: string, multiple: boolean) => (
    <input
      id={id}
      type="file"
      multiple={multiple}
      accept={accept}
      disabled={busy !== null}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (files.length) run(kind, files);
      }}
    />
  );

  return (
    <section className="panel" data-testid="reference-import">
      <h2>Import official files</h2>
      <div className="import-forms">
        <div>
          <h3>ICD-10-CM (CDC/NCHS, CMS)</h3>
          <p className="hint">
            Order files (<code>icd10cm-order-2027.txt</code>, <code>icd10cm_order_2027.txt</code>), the release zips that contain one, and CDC
            conversion tables (.xlsx); several years at once. The release is recognised by the content of the official files, else by the file name.
          </p>
          <label className="file-button">Choose ICD-10-CM files{input('icd10cm', 'icd10cm-input', '.zip,.txt,.xlsx', true)}</label>
        </div>
        <div>
          <h3>NCCI procedure-to-procedure edits (CMS)</h3>
          <p className="hint">
            The practitioner PTP file (<code>ccipra-v322r0-f1.txt</code> …, tab-separated) or the CMS zip. A later version of the same part replaces
            the earlier one.
          </p>
          <label className="file-button">Choose NCCI PTP files{input('ncci-ptp', 'ncci-input', '.txt,.zip', true)}</label>
        </div>
        <div>
          <h3>Fee-schedule indicators (CMS PFS relative value file)</h3>
          <p className="hint">
            The PPRRVU file of a quarterly RVU release (<code>PPRRVU26_JAN.csv</code> or <code>.txt</code>) or the <code>RVU26A.zip</code> that holds it:
            global days (modifier 25 / 57) and the bilateral-surgery indicator (50 / RT / LT), from the release's first day.
          </p>
          <label className="file-button">Choose PPRRVU files{input('pfs', 'pfs-input', '.csv,.txt,.zip', true)}</label>
        </div>
      </div>
      {busy && (
        <p className="progress" role="status" data-testid="import-busy">
          <progress aria-label="Importing" /> Importing {busy}: reading the files, then deriving every code's validity across all releases and
          classifying the loaded lines again (up to a minute for a full ICD-10-CM release).
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {entries.length > 0 && (
        <ul className="import-outcomes">
          {entries.map((e) => (
            <ImportOutcome
              key={`${e.kind}:${e.file.name}`}
              outcome={e.outcome}
              keepProblem={e.keepProblem}
              onChooseRelease={(release) => run(e.kind, [e.file], release)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
