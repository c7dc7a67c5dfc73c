import { readdirSync, readFileSync, statSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves the committed sample files under /sample-data/ (dev and preview) and
 * copies them into the build, with an index the app's "Load sample data" reads.
 */
const ROOT = path.dirname(new URL(import.meta.url).pathname);

function sampleIndex(): { csv: string[]; x12: string[]; batch: string[] } {
  const list = (dir: string, ext: RegExp) =>
    statSync(path.join(ROOT, dir), { throwIfNoEntry: false })?.isDirectory()
      ? readdirSync(path.join(ROOT, dir)).filter((f) => ext.test(f)).sort().map((f) => (dir === '.' ? f : `${dir}/${f}`))
      : [];
  return { csv: list('.', /\.csv$/), x12: [...list('837p', /\.837$/), ...list('835', /\.835$/)], batch: list('outgoing', /\.837$/) };
}

export function sampleDataPlugin(): Plugin {
  const serve = (req: { url?: string }, res: { setHeader(k: string, v: string): void; end(b: string | Buffer): void; statusCode: number }, next: () => void) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith('/sample-data/')) return next();
    const rel = decodeURIComponent(url.slice('/sample-data/'.length));
    if (rel === 'index.json') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify(sampleIndex()));
    }
    const index = sampleIndex();
    if (![...index.csv, ...index.x12, ...index.batch].includes(rel)) {
      res.statusCode = 404;
      return res.end('not found');
    }
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(readFileSync(path.join(ROOT, rel)));
  };
  return {
    name: 'denial-lens-sample-data',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
    writeBundle(options) {
      const out = path.join(options.dir ?? 'dist', 'sample-data');
      const index = sampleIndex();
      mkdirSync(out, { recursive: true });
      for (const rel of [...index.csv, ...index.x12, ...index.batch]) {
        mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
        copyFileSync(path.join(ROOT, rel), path.join(out, rel));
      }
      writeFileSync(path.join(out, 'index.json'), JSON.stringify(index));
    },
  };
}
