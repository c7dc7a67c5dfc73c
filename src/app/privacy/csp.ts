/**
 * The Content-Security-Policy of the built app: the page may load and call only its own
 * origin. Written into dist/index.html as a <meta> (it travels with the static files) and sent
 * as a header by `vite preview` (a header also binds the workers, which a <meta> does not
 * reach; a static host should send it too, see README "Privacy").
 */
const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  // DuckDB-WASM compiles its .wasm: allowed, without allowing eval of JavaScript.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  // React and Recharts set styles through the DOM (element.style), which CSP allows: no 'unsafe-inline'.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
