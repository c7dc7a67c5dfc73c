/**
 * The service worker's cache of the app's own files (JS, CSS, the DuckDB .wasm files, the
 * shipped reference data): never user data, so "Erase all data" leaves it. One cache per
 * build, named by the build's fingerprint.
 */
export const APP_CACHE_PREFIX = 'denial-lens-app-';
