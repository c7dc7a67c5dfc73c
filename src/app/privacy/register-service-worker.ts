/**
 * Installs the service worker of the built app (service-worker.ts), which keeps the app's own
 * files for offline use. Not in development: the dev server's files change on every edit.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // after the page has loaded: caching the build must not slow the engine's start
  const register = () => navigator.serviceWorker.register('/sw.js').catch((error) => console.warn('Denial Lens: offline use is not available', error));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
