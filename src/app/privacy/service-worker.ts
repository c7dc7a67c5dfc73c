/// <reference lib="webworker" />
import { APP_CACHE_PREFIX } from './app-cache.ts';

/**
 * Makes the app work offline after the first visit: every file of the build (the JS, the
 * DuckDB .wasm files, the shipped reference data, the sample files) is cached when the worker
 * installs, and served from that cache first. It caches the app's own files only: user files
 * never travel over the network, so they never pass through here. Built by scripts/vite-offline-plugin.ts,
 * which replaces the placeholder below with the build's file list and fingerprint.
 */
declare const self: ServiceWorkerGlobalScope;

const PRECACHE = JSON.parse('__DENIAL_LENS_PRECACHE__') as { version: string; urls: string[] };
const CACHE = `${APP_CACHE_PREFIX}${PRECACHE.version}`;
const PRECACHED = new Set(PRECACHE.urls);

self.addEventListener('install', (event) => {
  // 'reload': straight from the server, so that the cache holds exactly this build
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.urls.map((url) => new Request(url, { cache: 'reload' })))));
});

// A new build's worker waits until every tab of the old one is closed (no skipWaiting): a
// running page never gets files of another build. Then the old build's cache goes.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(APP_CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)))),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // every page of the app is index.html with its state in the query (?page=review&month=…)
  const key = PRECACHED.has(url.pathname) ? url.pathname : request.mode === 'navigate' ? '/' : null;
  if (key === null) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => cached ?? fetch(request)),
  );
});
