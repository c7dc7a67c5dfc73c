/** Reported while a file loads; the app turns it into a progress bar. */
export interface LoadProgress {
  phase: 'hashing' | 'reading' | 'parsing' | 'normalising' | 'classifying';
  rowsRead: number;
  bytesDone: number;
  bytesTotal: number;
}
