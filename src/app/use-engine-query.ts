import { startTransition, useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { flushSync } from 'react-dom';
import { isCancelled, type EngineRequest } from './engine-client.ts';
import { useDataVersion } from './data-version.ts';
import { asError } from '../engine/message-of.ts';

/**
 * First answers waiting to be shown, each rendered and committed in a task of its own.
 * After a load every panel's first answer arrives at once; committed together, the
 * charts' first draws made one long task of the main thread. Later answers (a filter
 * change) are rendered as a transition instead: React batches them and renders in
 * slices, which redraws the whole page sooner than one commit per answer did.
 * (Figures: README, Performance.)
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

/** An engine query as a panel sees it (mosaic's queryPending / queryResult / queryError in one value). */
export interface EngineQuery<T> {
  /** the latest answer; while `loading` it may be the answer to the previous inputs */
  data: T | undefined;
  /** why the request for the current inputs failed */
  error: Error | undefined;
  /** the current inputs are not answered yet */
  loading: boolean;
  /** ask again with the same inputs */
  retry: () => void;
}

/** What the latest answer (or failure) was asked with: the inputs, the data version and the attempt. */
interface Answer<T> {
  inputs: DependencyList;
  data: T | undefined;
  error: Error | undefined;
}

const sameInputs = (a: DependencyList, b: DependencyList) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Runs an engine query when its inputs or the data version change; a stale answer never
 * overwrites a newer one, and a request the panel no longer needs is cancelled in the
 * worker's queue. `loading` is derived from which inputs the answer belongs to, so a
 * filter change costs no extra render.
 */
export function useEngineQuery<T>(run: () => Promise<T> | EngineRequest<T>, deps: DependencyList): EngineQuery<T> {
  const version = useDataVersion();
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>();
  const shown = useRef(false);
  const inputs = [...deps, version, attempt];
  useEffect(() => {
    let current = true;
    const request = run();
    const show = (next: (previous: Answer<T> | undefined) => Answer<T>) => {
      const update = () => {
        if (!current) return;
        shown.current = true;
        setAnswer(next);
      };
      if (shown.current) startTransition(update);
      else showInOwnTask(update);
    };
    request.then(
      (data) => show(() => ({ inputs, data, error: undefined })),
      // a failure keeps the previous data (the panel shows the error in its place)
      (error: unknown) => isCancelled(error) || show((previous) => ({ inputs, data: previous?.data, error: asError(error) })),
    );
    return () => {
      current = false;
      if ('cancel' in request) request.cancel();
    };
    // the caller's deps, the data version and the attempt are the inputs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, inputs);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const answered = answer !== undefined && sameInputs(answer.inputs, inputs);
  return { data: answer?.data, error: answered ? answer.error : undefined, loading: !answered, retry };
}
