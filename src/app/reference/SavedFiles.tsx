import { useEffect, useState } from 'react';
import { engine } from '../engine-instance.ts';
import { releaseKey } from '../../engine/reference/icd10cm/releases.ts';
import { listReferenceFiles, updateReferenceFiles, type StoredReferenceFile } from '../../browser/reference-store.ts';
import { keepingData } from '../storage/retention.ts';
import { formatBytes } from '../../browser/format-bytes.ts';
import { useDataVersion } from '../data-version.ts';
import { messageOf } from '../../engine/message-of.ts';

const KIND = { icd10cm: 'ICD-10-CM', 'ncci-ptp': 'NCCI PTP', pfs: 'CMS PFS indicators' } as const;

/** The imported files kept in this browser (re-imported at every start), each removable. */
export function SavedFiles({ onRemoved }: { onRemoved: () => void }) {
  const version = useDataVersion();
  const [files, setFiles] = useState<StoredReferenceFile[]>();
  const [problem, setProblem] = useState('');
  const [removing, setRemoving] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    listReferenceFiles().then(
      (list) => current && setFiles(list),
      (e: Error) => current && setProblem(`the kept files cannot be read: ${e.message}`),
    );
    return () => {
      current = false;
    };
  }, [version, removing]);

  const remove = async (file: StoredReferenceFile) => {
    setRemoving(file.id);
    setProblem('');
    try {
      await engine.call('removeImportedReference', [{ kind: file.kind, name: file.name, releases: file.releases }]);
      await updateReferenceFiles([], [file.id]);
      onRemoved();
    } catch (e) {
      setProblem(`${file.name} could not be removed: ${messageOf(e)}`);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <section className="panel" data-testid="reference-saved">
      <h2>
        Imported files kept in this browser {files && <span className="count">({files.length} files)</span>}
      </h2>
      <p className="hint">
        {keepingData() ? 'Imported again at every start' : 'Imported again when this tab reloads (a new tab starts without them unless “Keep data on this computer” is on)'}, in
        this order. Public code sets only: no patient data is kept.
      </p>
      {problem && <p className="error" role="alert">{problem}</p>}
      {files?.length === 0 && <p className="hint">None: the reference is what ships with Denial Lens.</p>}
      {files && files.length > 0 && (
        <table className="numbers">
          <thead>
            <tr><th>File</th><th>Code set</th><th className="num">Size</th><th>Gives</th><th>Kept since</th><th /></tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id} data-testid="saved-file">
                <td>{f.name}</td>
                <td>{KIND[f.kind]}</td>
                <td className="num">{formatBytes(f.bytes.byteLength)}</td>
                <td>
                  {f.kind === 'ncci-ptp' ? 'PTP edits' : [...f.releases, ...(f.conversionTables ? [`${f.conversionTables} conversion table(s)`] : [])].join(', ')}
                  {f.release && ` (as ${releaseKey(f.release)}: your choice of release)`}
                </td>
                <td>{f.savedAt.slice(0, 16).replace('T', ' ')} UTC</td>
                <td>
                  <button type="button" disabled={removing !== null} onClick={() => remove(f)}>
                    {removing === f.id ? 'Removing…' : 'Remove'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
