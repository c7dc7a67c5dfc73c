import { useCallback, useEffect, useState } from 'react';

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
  if (pushedThisTask) {
    history.replaceState(null, '', url);
    return;
  }
  history.pushState(null, '', url);
  pushedThisTask = true;
  queueMicrotask(() => (pushedThisTask = false));
}

/** Re-reads the URL when Back or Forward changes it. */
function usePopState(read: () => void, name: string): void {
  useEffect(() => {
    addEventListener('popstate', read);
    return () => removeEventListener('popstate', read);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
}

/** A piece of view state kept in the URL's query string, so a view can be bookmarked, reopened and gone back to. */
export function useUrlParam(name: string, fallback: string): [string, (value: string) => void] {
  const read = () => new URLSearchParams(location.search).get(name) ?? fallback;
  const [value, setValue] = useState(read);
  usePopState(() => setValue(read()), name);
  const update = useCallback(
    (next: string) => {
      const params = new URLSearchParams(location.search);
      if (next === fallback) params.delete(name);
      else params.set(name, next);
      writeQuery(params);
      setValue(next);
    },
    [name, fallback],
  );
  return [value, update];
}

/**
 * A list kept as repeated query parameters (`?payer=A&payer=B`): values may
 * contain commas ("QUENBY, MARISOL"), so they are never joined.
 */
export function useUrlList(name: string): [string[], (values: string[]) => void] {
  const read = () => new URLSearchParams(location.search).getAll(name);
  const [values, setValues] = useState(read);
  usePopState(() => setValues(read()), name);
  const update = useCallback(
    (next: string[]) => {
      const params = new URLSearchParams(location.search);
      params.delete(name);
      for (const v of next) params.append(name, v);
      writeQuery(params);
      setValues(next);
    },
    [name],
  );
  return [values, update];
}
