import { startTransition, useEffect, useRef, useState, type DependencyList } from 'react';
import { flushSync } from 'react-dom';
import { isCancelled, type EngineRequest } from './engine-client.ts';

/**
 * First answers waiting to be shown, each rendered and committed in a task of its own.
 * After a load every panel's first answer arrives at once; committed together, the
 * charts' first draws (60–90 ms of main thread each) stopped the page for 130–150 ms
 * (measured with npm run bench). Later answers (a filter change) are rendered as a
 * transition instead: React batches them and renders in slices, which redraws the
 * whole page sooner than one commit per answer did (p95 235 vs 257–295 ms).
 */
const firstAnswers: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  flushSync(firstAnswers.shift()!);
  if (firstAnswers.length > 0) channel.port2.postMessage(null);
};

function showInOwnTask(update: () => void) {
  firstAnswers.push(update);
  if (firstAnswers.length === 1) channel.port2.postMessage(null);
}

/**
 * Runs an engine query when its inputs change; a stale answer never overwrites a newer
 * one, and a request the panel no longer needs is cancelled in the worker's queue.
 */
export function useEngineQuery<T>(run: () => Promise<T> | EngineRequest<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  const shown = useRef(false);
  useEffect(() => {
    let current = true;
    const request = run();
    request.then(
      (v) => {
        const show = () => {
          if (!current) return;
          shown.current = true;
          setValue(() => v);
        };
        if (shown.current) startTransition(show);
        else showInOwnTask(show);
      },
      (e) => current && !isCancelled(e) && console.error(e),
    );
    return () => {
      current = false;
      if ('cancel' in request) request.cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
