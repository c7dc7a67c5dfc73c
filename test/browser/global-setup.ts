import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';

/** Serves the production build (run `npm run build` first) on a fixed local port. */
export const PORT = 4174;
let server: PreviewServer;

export async function setup() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  server = await preview({ preview: { port: PORT, strictPort: true, host: '127.0.0.1' } });
}

export async function teardown() {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
