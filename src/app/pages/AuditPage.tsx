import { useEffect, useRef, useState } from 'react';
import { engine } from '../engine-instance.ts';
import { formatMonth } from '../format.ts';
import { useUrlParam } from '../url-state.ts';
import type { SampleSpec } from '../../engine/audit/spec.ts';
import { deleteSample, listSamples, newSampleId, putSample, type SavedSample } from '../audit/audit-store.ts';
import { SampleForm } from '../audit/SampleForm.tsx';
import { SampleView } from '../audit/SampleView.tsx';
import { sampleName } from '../audit/labels.ts';
import '../audit/audit.css';
import { messageOf } from '../../engine/message-of.ts';

/**
 * Audit sampling (issues #6, #13): draw a reproducible sample from a frame, keep several
 * samples with their worksheets in this browser, review, export and import, and read
 * the results with their confidence intervals.
 */
export function AuditPage() {
  const [saved, setSaved] = useState<SavedSample[]>([]);
  const [loadError, setLoadError] = useState('');
  const [selectedId, setSelectedId] = useUrlParam('sample', '');
  const [drawing, setDrawing] = useState(false);
  const [drawError, setDrawError] = useState('');
  const [pending, setPending] = useState(0);
  const [saveError, setSaveError] = useState('');
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    listSamples().then(setSaved, (e: Error) => setLoadError(e.message));
  }, []);

  // Writes go one after another, so the last edit is the one that stays.
  const save = (next: SavedSample) => {
    setSaved((list) => (list.some((s) => s.id === next.id) ? list.map((s) => (s.id === next.id ? next : s)) : [next, ...list]));
    setPending((n) => n + 1);
    writes.current = writes.current
      .then(() => putSample(next))
      .then(
        () => setSaveError(''),
        (e: Error) => setSaveError(e.message),
      )
      .finally(() => setPending((n) => n - 1));
  };

  const draw = async (spec: SampleSpec) => {
    setDrawing(true);
    setDrawError('');
    try {
      const [sample, files] = await Promise.all([engine.call('drawSample', spec), engine.call('files')]);
      const entry: SavedSample = {
        id: newSampleId(), name: sampleName(spec, formatMonth), sample, reviews: {}, updatedAt: sample.drawnAt,
        files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
      };
      save(entry);
      setSelectedId(entry.id);
    } catch (e) {
      setDrawError(messageOf(e));
    } finally {
      setDrawing(false);
    }
  };

  const remove = async (entry: SavedSample) => {
    if (!confirm(`Delete the sample "${entry.name}" and its worksheet answers from this browser?`)) return;
    await writes.current;
    await deleteSample(entry.id);
    setSaved((list) => list.filter((s) => s.id !== entry.id));
    setSelectedId('');
  };

  const selected = saved.find((s) => s.id === selectedId);
  return (
    <>
      <div className="no-print">
        <SampleForm drawing={drawing} onDraw={draw} />
        {drawError && <p className="error" role="alert">The sample could not be drawn: {drawError}</p>}
        {loadError && <p className="error" role="alert">Saved samples could not be read from this browser: {loadError}</p>}
        {saved.length > 0 && (
          <section className="panel" aria-label="Saved samples">
            <h2>Saved samples</h2>
            <ul className="saved-samples" data-testid="saved-samples">
              {saved.map((s) => {
                const reviewed = Object.values(s.reviews).filter((r) => r.supports).length;
                return (
                  <li key={s.id} aria-current={s.id === selectedId ? 'true' : undefined}>
                    <button type="button" className="link" onClick={() => setSelectedId(s.id)}>{s.name}</button>
                    <span className="hint"> · {s.sample.rows.length} units, {reviewed} reviewed · drawn {new Date(s.sample.drawnAt).toLocaleString()}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
      {selected && (
        <SampleView key={selected.id} saved={selected} saving={pending > 0} saveError={saveError} onChange={save} onDelete={() => remove(selected)} />
      )}
    </>
  );
}
