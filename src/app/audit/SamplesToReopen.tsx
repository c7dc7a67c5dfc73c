import { useEffect, useState } from 'react';
import { messageOf } from '../../engine/message-of.ts';
import { formatCount } from '../format.ts';
import { listSamples, type SavedSample } from './audit-store.ts';
import { keepingData } from '../storage/retention.ts';
import './audit.css';

/**
 * The saved audit samples while no claim data is loaded (after a reload, the loaded files
 * are gone unless "Keep data on this computer" is on; the samples and answers are not): each
 * with what to load to reopen it. `onOpen` makes it the sample the Audit page opens once
 * the files are loaded.
 */
export function SamplesToReopen({ selectedId, onOpen }: { selectedId: string; onOpen: (id: string) => void }) {
  const [saved, setSaved] = useState<SavedSample[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    listSamples().then(setSaved, (e: unknown) => setError(messageOf(e)));
  }, []);
  if (error) return <p className="error" role="alert">Your saved audit samples could not be read from this browser: {error}</p>;
  if (!saved?.length) return null;
  return (
    <section className="panel" aria-labelledby="reopen-title" data-testid="samples-to-reopen">
      <h2 id="reopen-title">Your audit samples</h2>
      <p className="hint">
        {keepingData()
          ? 'Your samples and worksheet answers are kept on this computer. Load the files a sample was drawn from, above, to reopen it.'
          : 'Your samples and worksheet answers are kept in this tab, but the claim files are not (turn on “Keep data on this computer” to keep them too). Load the files a sample was drawn from, above, to reopen it.'}
      </p>
      <ul className="saved-samples">
        {saved.map((s) => (
          <SampleToReopen key={s.id} saved={s} selected={s.id === selectedId} onOpen={() => onOpen(s.id)} />
        ))}
      </ul>
    </section>
  );
}

function SampleToReopen({ saved, selected, onOpen }: { saved: SavedSample; selected: boolean; onOpen: () => void }) {
  const { sample } = saved;
  const units = sample.spec.unit === 'claim' ? 'claims' : 'lines';
  const reviewed = Object.values(saved.reviews).filter((r) => r.supports).length;
  const dates = sample.rows.flatMap((r) => [r.serviceDateFrom, r.serviceDateTo]).filter((d): d is string => d !== null).sort();
  return (
    <li aria-current={selected ? 'true' : undefined} data-testid="sample-to-reopen">
      <strong>{saved.name}</strong>
      <p>
        {formatCount(sample.rows.length)} {units} drawn from a frame of {formatCount(sample.frame.count)} · {sample.frame.description} ·{' '}
        {formatCount(reviewed)} reviewed · drawn {new Date(sample.drawnAt).toLocaleString()}
        {dates.length > 0 && <> · dates of service {dates[0]} to {dates[dates.length - 1]}</>}
      </p>
      {saved.files?.length ? (
        <p data-testid="files-to-load">
          To reopen it, load {saved.files.length === 1 ? 'this file' : `these ${saved.files.length} files`}: {saved.files.map((f) => f.name).join(', ')}.
        </p>
      ) : (
        <p data-testid="files-to-load">
          The files it was drawn from were not recorded with it: load the files that hold these dates of service. Once it is open,{' '}
          <em>Check the draw</em> tells whether they give the same frame.
        </p>
      )}
      {selected ? (
        <p className="hint">It opens once the files are loaded.</p>
      ) : (
        <button type="button" className="link" onClick={onOpen}>Open this one once the files are loaded</button>
      )}
    </li>
  );
}
