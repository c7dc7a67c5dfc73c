import { useCallback, useEffect, useState } from 'react';

/** Fired after the app writes the URL, so every piece of state kept there re-reads it. */
const URL_WRITTEN = 'denial-lens:url-written';

/**
 * Writes the query string as a new history entry, so Back and Forward walk through the
 * views (and Back never leaves the app, which would lose the loaded files). Several
 * writes in one task (clearing five filters) make one entry: the first pushes, the
 * rest replace it.
 */
let pushedThisTask = false;
function writeQuery(params: URLSearchParams): void {
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (pushedThisTask) history.replaceState(null, '', url);
  else {
    history.pushState(null, '', url);
    pushedThisTask = true;
    queueMicrotask(() => (pushedThisTask = false));
  }
  dispatchEvent(new Event(URL_WRITTEN));
}

/** Re-reads the URL when Back or Forward changes it, or another part of the page wrote it. */
function useUrlChanges(read: () => void, name: string): void {
  useEffect(() => {
    addEventListener('popstate', read);
    addEventListener(URL_WRITTEN, read);
    return () => {
      removeEventListener('popstate', read);
      removeEventListener(URL_WRITTEN, read);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
}

/**
 * `clears`: parameters that describe a view inside this one (the lines drilled into, the
 * line open) and lose their meaning when this one changes: removed in the same write.
 */
interface UrlOptions {
  clears?: readonly string[];
}

/** A piece of view state kept in the URL's query string, so a view can be bookmarked, reopened and gone back to. */
export function useUrlParam(name: string, fallback: string, { clears = [] }: UrlOptions = {}): [string, (value: string) => void] {
  const read = () => new URLSearchParams(location.search).get(name) ?? fallback;
  const [value, setValue] = useState(read);
  useUrlChanges(() => setValue(read()), name);
  const clearKey = clears.join('\n');
  const update = useCallback(
    (next: string) => {
      const params = new URLSearchParams(location.search);
      if (params.get(name) === (next === fallback ? null : next)) return;
      if (next === fallback) params.delete(name);
      else params.set(name, next);
      for (const c of clearKey ? clearKey.split('\n') : []) params.delete(c);
      writeQuery(params);
      setValue(next);
    },
    [name, fallback, clearKey],
  );
  return [value, update];
}

/**
 * A list kept as repeated query parameters (`?payer=A&payer=B`): values may
 * contain commas ("QUENBY, MARISOL"), so they are never joined.
 */
export function useUrlList(name: string, { clears = [] }: UrlOptions = {}): [string[], (values: string[]) => void] {
  const read = () => new URLSearchParams(location.search).getAll(name);
  const [values, setValues] = useState(read);
  // the same list read again keeps its identity, so nothing that depends on it re-runs
  useUrlChanges(() => {
    const next = read();
    setValues((old) => (old.length === next.length && old.every((v, i) => v === next[i]) ? old : next));
  }, name);
  const clearKey = clears.join('\n');
  const update = useCallback(
    (next: string[]) => {
      const params = new URLSearchParams(location.search);
      const current = params.getAll(name);
      if (current.length === next.length && current.every((v, i) => v === next[i])) return;
      params.delete(name);
      for (const v of next) params.append(name, v);
      for (const c of clearKey ? clearKey.split('\n') : []) params.delete(c);
      writeQuery(params);
      setValues(next);
    },
    [name, clearKey],
  );
  return [values, update];
}

/** What lies inside a page's view: the lines drilled into, the line open, its claim shown. Cleared when the view around them changes. */
export const DETAIL_PARAMS = ['drill', 'line', 'claim'] as const;
