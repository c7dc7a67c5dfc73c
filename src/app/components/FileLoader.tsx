import { useState, type DragEvent } from 'react';
import type { LoadProgress } from '../../engine/ingest/load-progress.ts';
import type { BatchPosition } from '../../worker/protocol.ts';
import type { SampleKind } from '../sample-data.ts';
import { formatCount } from '../format.ts';

/** The latest progress report of a load: the file, its phase, and where the batch is. */
export interface LoadState {
  file: string;
  progress: LoadProgress;
  batch: BatchPosition;
}

interface Props {
  disabled: boolean;
  busy: boolean;
  progress: LoadState | null;
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

/** A long file name cut in the middle: its start, and its end with the extension and often a date. */
function shortName(name: string, max = 32): string {
  const tail = 11;
  return name.length <= max ? name : `${name.slice(0, max - tail - 1)}…${name.slice(-tail)}`;
}

/** "file 23 of 95 · Parsing kaiser-….835 · 41 % · 1,234,567 rows read", the parts that apply. */
export function describeLoad({ file, progress: p, batch }: LoadState): string {
  const parts: string[] = [];
  if (batch.files > 1 && p.phase !== 'classifying') parts.push(`file ${formatCount(batch.file)} of ${formatCount(batch.files)}`);
  parts.push(p.phase === 'classifying' ? PHASES.classifying : `${PHASES[p.phase]} ${shortName(file)}`);
  if (p.bytesTotal > 0 && p.phase !== 'hashing') parts.push(`${Math.floor((100 * p.bytesDone) / p.bytesTotal)} %`);
  if (batch.rowsRead > 0) parts.push(`${formatCount(batch.rowsRead)} rows read${batch.files > 1 ? ' in this batch' : ''}`);
  return parts.join(' · ');
}

export function FileLoader({ disabled, busy, progress, onFiles, onSample }: Props) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length) onFiles([...event.dataTransfer.files]);
  };
  const p = progress?.progress;
  // the batch as a whole: files done, plus the share of the current one
  const fraction = p && p.bytesTotal > 0 ? (progress.batch.file - 1 + p.bytesDone / p.bytesTotal) / progress.batch.files : undefined;
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
          <span data-testid="progress-text" title={progress?.file}>{progress ? describeLoad(progress) : 'Starting'}</span>
        </div>
      )}
    </section>
  );
}
