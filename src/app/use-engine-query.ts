import { startTransition, useEffect, useState, type DependencyList } from 'react';

/**
 * Runs an engine query when its inputs change; a stale answer never overwrites a newer one.
 * The answer is rendered as a transition: React renders it in slices and the page keeps
 * responding (a chart's first render took 300 ms in one piece; measured with npm run bench).
 */
export function useEngineQuery<T>(run: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let current = true;
    run().then(
      (v) => current && startTransition(() => setValue(v)),
      (e) => current && console.error(e),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
