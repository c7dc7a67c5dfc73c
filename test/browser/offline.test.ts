import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { baseUrl, engineReady, openApp, SAMPLE_CSV, screenshot, useChromium } from './browser.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/app/privacy/csp.ts';

/** Issue #7 part 6: locked down to its own origin, and working with the network off after the first visit. */

const browser = useChromium();

function builtFiles(dir = 'dist', prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? builtFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('offline and locked down', () => {
  it('carries its Content-Security-Policy in the page and as a header, and it blocks whatever is remote', async () => {
    // the policy travels with the static build, and the server sends it for the workers too
    expect(readFileSync('dist/index.html', 'utf8')).toContain('<meta http-equiv="Content-Security-Policy"');
    const workerScript = builtFiles().find((f) => /^assets\/engine\.worker-.*\.js$/.test(f))!;
    for (const url of ['/', `/${workerScript}`, '/sw.js']) {
      expect((await fetch(`${baseUrl()}${url}`)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }

    const { page, outside, errors } = await openApp(browser(), '?page=dashboard');
    const blocked = new Map<string, string>();
    const answered: string[] = [];
    page.on('requestfailed', (r) => void blocked.set(r.url(), r.failure()?.errorText ?? ''));
    page.on('response', (r) => void (r.url().startsWith('https://example.com') && answered.push(r.url())));
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
    await engineReady(page);

    // something injected into the page tries to reach out: an image, a fetch, a worker's fetch, an inline script, eval
    const expectedViolations = ['img-src https://example.com/pixel.png', 'connect-src https://example.com/data.json', 'script-src-elem inline', 'script-src eval'];
    const attempt = await page.evaluate(async (expected) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const img = new Image();
      const imgDone = new Promise((resolve) => (img.onerror = img.onload = resolve));
      img.src = 'https://example.com/pixel.png';
      document.body.append(img);
      await imgDone;
      const fetched = await fetch('https://example.com/data.json').then(() => 'reached', () => 'blocked');
      const worker = new Worker(URL.createObjectURL(new Blob(["fetch('https://example.com/w').then(() => postMessage('reached'), () => postMessage('blocked'))"], { type: 'text/javascript' })));
      const fromWorker = await new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      let evalRan = false;
      try {
        // oxlint-disable-next-line no-eval -- the test checks that the Content-Security-Policy blocks eval
        evalRan = (0, eval)('true');
      } catch {
        evalRan = false;
      }
      // violation events arrive asynchronously: wait for the expected ones (at most 30 s), not a fixed time
      const deadline = performance.now() + 30_000;
      while (!expected.every((v) => violations.includes(v)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return { violations, imgLoaded: img.naturalWidth > 0, fetched, fromWorker, inlineRan: 'inlineRan' in window, evalRan };
    }, expectedViolations);
    expect(attempt).toEqual({
      violations: expect.arrayContaining(expectedViolations),
      imgLoaded: false,
      fetched: 'blocked',
      fromWorker: 'blocked',
      inlineRan: false,
      evalRan: false,
    });
    // Chromium reports the image as a request, refused by the policy before it was sent; nothing was answered
    expect(outside).toEqual(['https://example.com/pixel.png']);
    expect(blocked.get('https://example.com/pixel.png')).toBe('csp');
    expect(answered).toEqual([]);
    // the console reports exactly what was refused, nothing of the app itself
    expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/.test(e)).every((e) => /example\.com|inline script|eval/.test(e))).toBe(true);
  });

  it('after the first visit, reloads, loads a file and draws the chart with the network off', async () => {
    const { page, outside, errors } = await openApp(browser(), '?page=dashboard');
    // the service worker is active once it has cached the whole build
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      return { names, paths: (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname) };
    });
    expect(cached.names).toHaveLength(1);
    const expected = builtFiles().filter((f) => f !== 'sw.js').map((f) => (f === 'index.html' ? '/' : `/${f}`));
    expect(cached.paths.sort()).toEqual(expected.sort());
    expect(expected).toEqual(expect.arrayContaining([expect.stringMatching(/duckdb-eh-.*\.wasm$/), '/reference/icd10cm.csv.gz']));

    await page.context().setOffline(true);
    // the network is really off: a file of the origin that is not cached cannot be had
    expect(await page.evaluate(() => fetch('/not-in-the-build.txt').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');

    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
    await engineReady(page);
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('load-result').first().textContent(), { timeout: 60_000 }).toContain('22,839 of 22,839 rows loaded');
    await expect.poll(() => page.locator('[data-testid="monthly-chart"] rect[data-category]').count(), { timeout: 60_000 }).toBeGreaterThan(12);
    // the shipped ICD-10-CM reference came from the cache as well: outdated codes are recognised
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('[data-testid="monthly-chart"] rect[data-category="outdated"]').count()).toBeGreaterThan(0);
    // X12 goes into DuckDB as Arrow columns, in the worker, under the same policy
    await page.setInputFiles('#file-input', 'sample-data/835/redwood-shore-health-plan-2026-11.835');
    await expect.poll(() => page.getByTestId('load-result').allTextContents(), { timeout: 60_000 }).toContainEqual(
      expect.stringMatching(/^redwood-shore-health-plan-2026-11\.835 — Loaded: \d+ of \d+ claims loaded/),
    );
    await screenshot(page, 'offline-dashboard', false);

    expect(outside).toEqual([]);
    expect(errors).toEqual(['Failed to load resource: net::ERR_INTERNET_DISCONNECTED']); // the probe above, and nothing else
  });
});
