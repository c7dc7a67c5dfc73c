import { useUrlParam } from '../url-state.ts';

/**
 * The line whose detail is open, in the URL (`line`, its line id), so Back closes it and a
 * bookmark reopens it once the same files are loaded; closing it or opening another also
 * folds its claim (`claim`).
 */
export function useOpenLine(): [number | null, (lineId: number | null) => void] {
  const [text, setText] = useUrlParam('line', '', { clears: ['claim'] });
  const lineId = /^-?\d+$/.test(text) ? Number(text) : null;
  return [lineId, (next) => setText(next === null ? '' : String(next))];
}
