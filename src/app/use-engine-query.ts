import { useEffect, useState, type DependencyList } from 'react';
import { flushSync } from 'react-dom';

/**
 * Answers waiting to be shown. Each is rendered and committed in a task of its own:
 * answers arriving together (after a load, every panel's) would otherwise be committed
 * at once, and a chart's first draw is 60–90 ms of main thread, so three charts in
 * one commit stopped the page for over 200 ms (measured with npm run bench).
 */
const waiting: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  flushSync(waiting.shift()!);
  if (waiting.length > 0) channel.port2.postMessage(null);
};

function showInOwnTask(update: () => void) {
  waiting.push(update);
  if (waiting.length === 1) channel.port2.postMessage(null);
}

/** Runs an engine query when its inputs change; a stale answer never overwrites a newer one. */
export function useEngineQuery<T>(run: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let current = true;
    run().then(
      (v) => showInOwnTask(() => current && setValue(() => v)),
      (e) => current && console.error(e),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
