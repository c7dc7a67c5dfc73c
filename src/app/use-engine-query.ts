import { useEffect, useState, type DependencyList } from 'react';

/** Runs an engine query when its inputs change; a stale answer never overwrites a newer one. */
export function useEngineQuery<T>(run: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let current = true;
    run().then(
      (v) => current && setValue(v),
      (e) => current && console.error(e),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
