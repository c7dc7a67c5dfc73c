import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../src/app/privacy/csp.ts';

const SERVICE_WORKER_SOURCE = fileURLToPath(new URL('../src/app/privacy/service-worker.ts', import.meta.url));
const PLACEHOLDER = /(["'`])__DENIAL_LENS_PRECACHE__\1/;

/**
 * The build's privacy and offline parts: the Content-Security-Policy as a <meta> in
 * dist/index.html and as a header of `vite preview`, and dist/sw.js, the service worker, with
 * the list of every file of the finished build (after the sample data and public files are
 * copied) and a fingerprint of their contents, so that a new build installs a new cache.
 * The dev server gets neither: its hot reload needs inline scripts.
 */
export function privacyPlugin(): Plugin {
  let outDir = 'dist';
  let building = false;
  return {
    name: 'denial-lens-privacy',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      building = config.command === 'build';
    },
    transformIndexHtml: {
      order: 'post',
      handler: () =>
        building ? [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }] : [],
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        next();
      });
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!building) return;
        const urls = listFiles(outDir).filter((f) => f !== 'sw.js');
        const hash = createHash('sha256');
        for (const file of urls) hash.update(file).update('\0').update(readFileSync(path.join(outDir, file)));
        const manifest = {
          version: hash.digest('hex').slice(0, 16),
          urls: urls.map((f) => (f === 'index.html' ? '/' : `/${f}`)),
        };
        const code = await bundleServiceWorker();
        if (!PLACEHOLDER.test(code)) throw new Error('service worker: the precache placeholder is missing from the bundle');
        writeFileSync(path.join(outDir, 'sw.js'), code.replace(PLACEHOLDER, JSON.stringify(JSON.stringify(manifest))));
      },
    },
  };
}

/** The service worker as one classic script (a module service worker is not supported everywhere). */
async function bundleServiceWorker(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: { entry: SERVICE_WORKER_SOURCE, formats: ['iife'], name: 'denialLensServiceWorker', fileName: () => 'sw.js' },
    },
  });
  const chunk = [output].flat().flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('service worker: no bundle produced');
  return chunk.code;
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}
