import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, openApp, SAMPLE_CSV, screenshot, useChromium, type TrackedPage } from './browser.ts';

/**
 * "Keep data on this computer" (issue #7 part 5): off by default, nothing outlives the tab;
 * on, the next tab starts where the last ended; "Erase all data" leaves no trace, checked by
 * reading every kind of browser storage.
 */
const ODD_CSV = 'test-results/privacy/odd-layout.csv';
const SAMPLE_ROWS = '22,839 of 22,839 rows loaded';

const browser = useChromium();
beforeAll(async () => {
  mkdirSync(path.dirname(ODD_CSV), { recursive: true });
  // headers no alias matches: the user maps them once
  writeFileSync(ODD_CSV, 'Encounter Ref,Svc Dt,Code,Amt Billed,Amt Pd,Why\nP1,02/03/2026,99213,100,0,CO-16\nP2,02/04/2026,99214,150,90,CO-45 60.00\n');
});

/** Everything this origin has stored, as the browser shows it. */
async function storage(page: Page) {
  return page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i)!, s.getItem(s.key(i)!)!]));
    const opfs: string[] = [];
    for await (const name of (await navigator.storage.getDirectory()).keys()) opfs.push(name);
    const cached: Record<string, string[]> = {};
    for (const name of await caches.keys()) cached[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return {
      indexedDB: (await indexedDB.databases()).map((d) => d.name!).sort(),
      opfs,
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      caches: cached,
    };
  });
}

/** A new tab in the same browser profile: the computer's storage is shared, the tab's is not. */
async function newTab(context: BrowserContext, query = '?page=dashboard'): Promise<TrackedPage> {
  const page = await context.newPage();
  const tracked: TrackedPage = { page, outside: [], errors: [] };
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl()) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) tracked.outside.push(r.url());
  });
  page.on('pageerror', (e) => tracked.errors.push(String(e)));
  page.on('console', (m) => void (m.type() === 'error' && tracked.errors.push(m.text())));
  await page.goto(`${baseUrl()}/${query}`);
  return tracked;
}

async function loadOddLayout(page: Page) {
  await page.setInputFiles('#file-input', ODD_CSV);
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  for (const [field, label] of [['claim_id', 'Encounter Ref'], ['service_date', 'Svc Dt'], ['procedure', 'Code'], ['billed', 'Amt Billed'], ['paid', 'Amt Pd'], ['adjustment_codes', 'Why']]) {
    await dialog.locator(`select[data-field="${field}"]`).selectOption({ label });
  }
  await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
  await expect.poll(() => page.getByTestId('load-result').allTextContents(), { timeout: 60_000 }).toContainEqual(expect.stringContaining('odd-layout.csv — Loaded: 2 of 2 rows loaded'));
}

async function drawAuditSample(page: Page) {
  await page.getByRole('button', { name: 'Audit sample' }).click();
  await page.locator('[data-field="seed"]').fill('7');
  await page.getByTestId('draw-sample').click();
  await expect.poll(() => page.getByTestId('worksheet-row').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByTestId('worksheet-row').first().locator('[data-field="notes"]').fill('chart pulled');
  await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 60_000 }).toBe('Saved in this browser');
}

describe('privacy: what stays in the browser', () => {
  it('keeps nothing beyond the tab by default: worksheets and mappings live in the tab, reference imports go at the next start', async () => {
    const { page, outside, errors } = await openApp(browser(), '?page=dashboard');
    const context = page.context();
    expect(await page.getByTestId('keep-data').isChecked()).toBe(false);
    expect(await page.getByTestId('keep-state').textContent()).toContain('nothing you load is kept after this tab is closed');

    await loadOddLayout(page);
    await drawAuditSample(page);

    let stored = await storage(page);
    // patient data went nowhere but the tab: no database, nothing in localStorage or OPFS
    expect(stored.indexedDB).toEqual([]);
    expect(stored.localStorage).toEqual({});
    expect(stored.opfs).toEqual([]);
    expect(Object.keys(stored.sessionStorage).sort()).toEqual(['denial-lens.audit-samples', 'denial-lens.csv-mappings', 'denial-lens.session']);
    expect(stored.sessionStorage['denial-lens.audit-samples']).toContain('chart pulled');
    await page.getByTestId('stored-total').click();
    await expect.poll(() => page.getByTestId('stored-total').textContent(), { timeout: 60_000 }).toMatch(/^Kept for this tab only: \d+ KB$/);
    expect(await page.getByTestId('stored-details').textContent()).toContain('1 sample');
    await screenshot(page, 'privacy-off', false);
    expect(await page.getByTestId('privacy-panel').getByRole('alert').count()).toBe(0);

    // a reload keeps the tab's worksheet and mapping (the loaded claims are in memory only: load again)
    await page.reload();
    await page.setInputFiles('#file-input', ODD_CSV);
    await expect.poll(() => page.getByTestId('load-result').allTextContents(), { timeout: 60_000 }).toContainEqual(expect.stringContaining('odd-layout.csv — Loaded: 2 of 2 rows loaded'));
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Audit sample' }).click();
    await expect.poll(() => page.getByTestId('worksheet-row').count(), { timeout: 60_000 }).toBeGreaterThan(0);

    // a reference import (public code set) made in this tab, as the Reference page stores it
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('denial-lens-reference', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('files', { keyPath: 'id', autoIncrement: true });
          open.onsuccess = () => {
            const tx = open.result.transaction('files', 'readwrite');
            tx.objectStore('files').add({ kind: 'icd10cm', name: 'planted.txt', bytes: new Uint8Array([65]), releases: [], conversionTables: 0, savedAt: '' });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );

    expect((await storage(page)).indexedDB).toEqual(['denial-lens-reference']);

    // a new tab: nothing of the first one — not even the public reference import
    const next = await newTab(context);
    await next.page.getByTestId('keep-data').waitFor();
    await expect.poll(async () => (await storage(next.page)).indexedDB, { timeout: 60_000 }).toEqual([]);
    stored = await storage(next.page);
    expect(stored.localStorage).toEqual({});
    expect(stored.sessionStorage).toEqual({ 'denial-lens.session': 'started' });
    await next.page.setInputFiles('#file-input', ODD_CSV);
    await next.page.getByRole('dialog').waitFor(); // the mapping is asked again

    expect([...outside, ...next.outside]).toEqual([]);
    expect([...errors, ...next.errors]).toEqual([]);
  });

  it('with "Keep data on this computer" the next tab starts where the last ended; "Erase all data" leaves no trace', async () => {
    const { page, outside, errors } = await openApp(browser(), '?page=dashboard');
    const context = page.context();
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await expect.poll(() => page.getByTestId('load-result').first().textContent(), { timeout: 120_000 }).toContain(SAMPLE_ROWS);
    await loadOddLayout(page);
    // the sample's lines and the two of the odd layout
    await expect.poll(() => page.getByTestId('kpi-lines').textContent(), { timeout: 60_000 }).toContain('22,841');
    const lines = await page.getByTestId('kpi-lines').textContent();

    // switched on: what this tab loaded is kept, with its mapping
    await page.getByTestId('keep-data').check();
    await expect.poll(() => page.getByTestId('keep-state').textContent(), { timeout: 60_000 }).toContain('kept in this browser until you erase them');
    await expect.poll(async () => (await storage(page)).indexedDB, { timeout: 60_000 }).toContain('denial-lens-files');
    await drawAuditSample(page);
    let stored = await storage(page);
    expect(stored.indexedDB).toEqual(['denial-lens-audit', 'denial-lens-files']);
    expect(Object.keys(stored.localStorage).sort()).toEqual(['denial-lens.csv-mappings', 'denial-lens.keep-data']);
    expect(Object.keys(stored.sessionStorage)).toEqual(['denial-lens.session']);

    // how much is stored: the files byte for byte, as the browser counts too
    const fileBytes = statSync(SAMPLE_CSV).size + statSync(ODD_CSV).size;
    await page.getByTestId('stored-total').click();
    await expect.poll(() => page.getByTestId('stored-details').textContent(), { timeout: 60_000 }).toContain('2 files');
    expect(await page.getByTestId('stored-details').textContent()).toContain(`${(fileBytes / 2 ** 20).toFixed(1)} MB`);
    expect(await page.getByTestId('browser-estimate').textContent()).toMatch(/The browser counts \d+ MB for this site/);
    await screenshot(page, 'privacy-on-stored', false);
    expect(await page.getByTestId('privacy-panel').getByRole('alert').count()).toBe(0);

    // next month: a new tab loads the kept files again through the normal path, every row accounted for
    const next = await newTab(context);
    await expect.poll(() => next.page.getByTestId('load-result').allTextContents(), { timeout: 120_000 }).toEqual([
      expect.stringContaining(`claims-export-2025-10_2026-09.csv — Loaded: ${SAMPLE_ROWS}`),
      expect.stringContaining('odd-layout.csv — Loaded: 2 of 2 rows loaded'),
    ]);
    await expect.poll(() => next.page.getByTestId('kpi-lines').textContent(), { timeout: 60_000 }).toBe(lines);
    expect(await next.page.getByRole('dialog').count()).toBe(0);
    expect(await next.page.getByTestId('keep-data').isChecked()).toBe(true);
    await next.page.getByRole('button', { name: 'Audit sample' }).click();
    await next.page.getByTestId('saved-samples').getByRole('button').first().click();
    await expect.poll(() => next.page.getByTestId('worksheet-row').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await next.page.getByTestId('worksheet-row').first().locator('[data-field="notes"]').inputValue()).toBe('chart pulled');
    // the same file dropped again is not counted twice
    await next.page.setInputFiles('#file-input', ODD_CSV);
    await expect.poll(() => next.page.getByTestId('load-result').allTextContents(), { timeout: 60_000 }).toContainEqual(expect.stringContaining('odd-layout.csv — Already loaded'));
    await screenshot(next.page, 'privacy-next-tab', false);

    // erase: every trace goes, the page starts empty
    await next.page.getByTestId('erase-all').click();
    await next.page.getByTestId('erase-confirm').click();
    await next.page.getByTestId('erased').waitFor();
    expect(await next.page.getByTestId('keep-data').isChecked()).toBe(false);
    expect(await next.page.getByTestId('load-result').count()).toBe(0);
    expect(await next.page.getByTestId('kpi-lines').count()).toBe(0);
    await expect.poll(() => next.page.getByTestId('stored-total').textContent(), { timeout: 60_000 }).toBe('Nothing is stored');
    stored = await storage(next.page);
    expect(stored.indexedDB).toEqual([]);
    expect(stored.opfs).toEqual([]);
    expect(stored.localStorage).toEqual({});
    expect(stored.sessionStorage).toEqual({ 'denial-lens.session': 'started' });
    // Cache Storage: the app's own files only, each a file of the build
    const built = new Set(listBuild('dist').map((f) => (f === 'index.html' ? '/' : `/${f}`)));
    for (const [name, urls] of Object.entries(stored.caches)) {
      expect(name).toMatch(/^denial-lens-app-[0-9a-f]{16}$/);
      for (const url of urls) expect(built).toContain(new URL(url).pathname);
    }
    await screenshot(next.page, 'privacy-erased');

    // the first tab, still open, was emptied as well: its memory and its tab storage
    await page.getByTestId('erased').waitFor();
    expect(await page.getByTestId('load-result').count()).toBe(0);
    expect((await storage(page)).sessionStorage).toEqual({ 'denial-lens.session': 'started' });

    expect([...outside, ...next.outside]).toEqual([]);
    expect([...errors, ...next.errors]).toEqual([]);
  });
});

function listBuild(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listBuild(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
