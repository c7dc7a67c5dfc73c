import { useState, type DragEvent } from 'react';
import type { LoadProgress } from '../../engine/ingest/load-progress.ts';
import type { SampleKind } from '../sample-data.ts';
import { formatCount } from '../format.ts';

interface Props {
  disabled: boolean;
  busy: boolean;
  progress: { file: string; progress: LoadProgress } | null;
  onFiles: (files: File[]) => void;
  onSample: (kind: SampleKind) => void;
}

const PHASES: Record<LoadProgress['phase'], string> = {
  hashing: 'Checking',
  reading: 'Reading',
  parsing: 'Parsing',
  normalising: 'Checking values of',
  classifying: 'Classifying denials',
};

export function FileLoader({ disabled, busy, progress, onFiles, onSample }: Props) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length) onFiles([...event.dataTransfer.files]);
  };
  const p = progress?.progress;
  const fraction = p && p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : undefined;
  return (
    <section
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      aria-label="Load files"
    >
      <p>
        Drop remittances (835 ERA or CSV) and claim exports (CSV or 837P) here, or{' '}
        <label className="file-button">
          choose files
          <input
            id="file-input"
            type="file"
            multiple
            disabled={disabled}
            accept=".csv,.txt,.tsv,.835,.837,.edi,.x12,.dat"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) onFiles(files);
            }}
          />
        </label>
        .
      </p>
      <p className="sample-buttons">
        No files at hand?{' '}
        <button type="button" disabled={disabled} onClick={() => onSample('csv')}>Load sample data (CSV export)</button>{' '}
        <button type="button" disabled={disabled} onClick={() => onSample('x12')}>Load sample 835 + 837P</button>
      </p>
      {busy && (
        <div className="progress" role="status">
          <progress max={1} value={fraction} aria-label="Loading progress" />
          <span data-testid="progress-text">
            {p ? `${PHASES[p.phase]} ${progress!.file}` : 'Starting'}
            {p && p.rowsRead > 0 ? ` — ${formatCount(p.rowsRead)} rows read` : ''}
          </span>
        </div>
      )}
    </section>
  );
}
