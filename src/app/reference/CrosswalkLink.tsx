import type { MouseEvent } from 'react';

/** The crosswalk view of a procedure, as a URL of this page (bookmarkable: ?page=crosswalk&procedure=71046). */
export function crosswalkHref(procedure: string): string {
  const params = new URLSearchParams(location.search);
  params.set('page', 'crosswalk');
  params.set('procedure', procedure);
  return `${location.pathname}?${params}`;
}

/**
 * Opens the crosswalk view in place: a real page load would drop the loaded data, so the URL
 * changes through history and the URL-state hooks (url-state.ts) re-read it on popstate.
 * Back returns to where the link was.
 */
export function CrosswalkLink({ procedure }: { procedure: string }) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    history.pushState(null, '', crosswalkHref(procedure));
    dispatchEvent(new PopStateEvent('popstate'));
  };
  return (
    <a href={crosswalkHref(procedure)} onClick={open} data-testid="crosswalk-link">
      See crosswalk for {procedure}
    </a>
  );
}
