import { useCallback, useEffect, useState } from 'react';

/**
 * A piece of view state kept in the URL's query string, so a view can be
 * bookmarked and reopened. Updates replace the history entry.
 */
export function useUrlParam(name: string, fallback: string): [string, (value: string) => void] {
  const read = () => new URLSearchParams(location.search).get(name) ?? fallback;
  const [value, setValue] = useState(read);
  useEffect(() => {
    const onPop = () => setValue(read());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
  const update = useCallback(
    (next: string) => {
      const params = new URLSearchParams(location.search);
      if (next === fallback) params.delete(name);
      else params.set(name, next);
      const query = params.toString();
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
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
  useEffect(() => {
    const onPop = () => setValues(read());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
  const update = useCallback(
    (next: string[]) => {
      const params = new URLSearchParams(location.search);
      params.delete(name);
      for (const v of next) params.append(name, v);
      const query = params.toString();
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
      setValues(next);
    },
    [name],
  );
  return [values, update];
}
