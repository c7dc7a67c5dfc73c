import type { ReactNode } from 'react';
import { EngineError } from '../engine-client.ts';
import type { EngineQuery } from '../use-engine-query.ts';

interface Props<T> {
  query: EngineQuery<T>;
  /** what the panel shows, as the reader knows it ("Key figures") */
  name: string;
  /**
   * The panel with the answer; while a newer answer is asked for, the previous one stays.
   * Without it, a panel draws its answer itself and uses QueryState only until it has one.
   */
  children?: (data: T) => ReactNode;
  /** false for an answer to earlier inputs that must not be shown (another month's figures): shown as loading */
  current?: (data: T) => boolean;
  /** what is being waited for, when "Loading <name> …" does not say enough */
  loadingText?: ReactNode;
  /** an answer with nothing to show, and what to say instead */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** inside a panel that has its own frame: no panel box of its own */
  inline?: boolean;
}

/**
 * The one place a panel's loading, error and empty states are drawn, so no panel vanishes
 * or stays blank: loading says so (aria-busy), a failure names the panel, the engine method
 * and the reason, with a Retry button.
 */
export function QueryState<T>({ query, name, children, current, loadingText, isEmpty, empty, inline }: Props<T>) {
  const Frame = inline ? 'div' : 'section';
  const frame = `query-state${inline ? '' : ' panel'}`;
  if (query.error) {
    return (
      <Frame className={frame} aria-label={name} data-testid="query-error" data-query={name}>
        <QueryError error={query.error} name={name} onRetry={query.retry} />
      </Frame>
    );
  }
  if (query.data === undefined || (current && !current(query.data))) {
    return (
      <Frame className={frame} aria-label={name} aria-busy="true" data-testid="query-loading" data-query={name}>
        <p className="hint" role="status">{loadingText ?? `Loading ${name.toLowerCase()} …`}</p>
      </Frame>
    );
  }
  if (isEmpty?.(query.data)) {
    return (
      <Frame className={frame} aria-label={name} aria-busy={query.loading || undefined} data-testid="query-empty" data-query={name}>
        <p className="hint">{empty ?? `Nothing to show in ${name.toLowerCase()} for these filters.`}</p>
      </Frame>
    );
  }
  return children ? children(query.data) : null;
}

/** A failed engine request, readable: which panel, which engine method, why; and a way to ask again. */
export function QueryError({ error, name, onRetry }: { error: Error; name: string; onRetry: () => void }) {
  return (
    <div className="query-error" role="alert">
      <p>
        <strong>{name}</strong> could not be shown: {error.message}
      </p>
      <p className="hint">
        {error instanceof EngineError ? <>The engine’s <code>{error.method}</code> request failed ({error.name}).</> : <>{error.name}.</>}{' '}
        <button type="button" onClick={onRetry}>Retry</button>
      </p>
      {error.stack && (
        <details>
          <summary>Technical details</summary>
          <pre>{error.stack}</pre>
        </details>
      )}
    </div>
  );
}
