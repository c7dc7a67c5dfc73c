import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { count, nodeEngineWith, openApp, useChromium, engineReady } from './browser.ts';

const browser = useChromium();
const KEEP = 'sample-data/835/medicare-part-b-2026-03.835';
const REMOVE = 'sample-data/835/kaiser-permanente-2026-03.835';

describe('unloading a file', () => {
  it('removes a file on the Files page after asking, and every page is recounted without it', async () => {
    const { page, errors } = await openApp(browser(), '?page=dashboard');
    await engineReady(page);
    await page.setInputFiles('#file-input', [KEEP, REMOVE]);
    const both = await nodeEngineWith([KEEP, REMOVE]);
    await expect.poll(() => page.getByTestId('kpi-lines').textContent(), { timeout: 120_000 }).toContain(count((await both.kpis()).lines));

    await page.getByRole('button', { name: 'Files & data quality' }).click();
    const rows = page.locator('[data-testid="files-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(2);
    const name = REMOVE.split('/').pop()!;
    await rows.filter({ hasText: name }).getByRole('button', { name: `Remove ${name}` }).click();
    // asked first: Cancel keeps the file
    const question = page.getByRole('alertdialog', { name: `Remove ${name}` });
    expect(await question.textContent()).toContain(`Unload “${name}” and every row it added?`);
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await rows.count()).toBe(2);
    await rows.filter({ hasText: name }).getByRole('button', { name: `Remove ${name}` }).click();
    await page.getByTestId('remove-file-confirm').click();

    await expect.poll(() => rows.allTextContents(), { timeout: 60_000 }).toEqual([expect.stringContaining('medicare-part-b-2026-03.835')]);
    expect(await page.getByTestId('file-removed').textContent()).toBe(`“${name}” was unloaded with every row it added.`);
    expect(await page.getByTestId('load-summary').locator(':scope > summary').textContent()).toMatch(/^1 file · /);
    const alone = await (await nodeEngineWith([KEEP])).kpis();
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('kpi-lines').textContent(), { timeout: 60_000 }).toContain(count(alone.lines));
    expect(await page.getByTestId('kpi-denied-lines').textContent()).toContain(count(alone.denied_lines));
    expect(errors).toEqual([]);
  });
});

// Rejected by hand: rows 3, 5 and 6 have a date of service that is not a date, row 4 no claim ID.
const EXPORT = [
  'Claim ID,DOS,CPT,Billed,Paid',
  'K1,01/05/2026,99213,100.00,80.00',
  'K2,13/45/2026,99213,100.00,80.00',
  ',01/05/2026,99213,100.00,80.00',
  'K4,2026-02-30,99214,120.00,0',
  'K5,yesterday,99213,100.00,80.00',
].join('\n');
const DATE_GROUP = "date of service '…' is not a date (expected MM/DD/YYYY, YYYY-MM-DD or YYYYMMDD)";

describe('rejected rows', () => {
  it('are grouped by reason with counts; a group opens to its rows and downloads as CSV', async () => {
    const { page, errors } = await openApp(browser(), '?page=files');
    await engineReady(page);
    await page.setInputFiles('#file-input', { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(EXPORT) });
    const groups = page.getByTestId('rejects-table').getByTestId('reject-group');
    await expect.poll(() => groups.locator('summary').allTextContents(), { timeout: 60_000 }).toEqual([`3 rows · ${DATE_GROUP}`, '1 row · no claim ID']);
    expect(await page.getByTestId('rejects-table').locator('h2').textContent()).toBe('Rejected rows (4)');

    await groups.first().locator('summary').click();
    const rows = groups.first().locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(3);
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(['3', '5', '6']);
    expect(await groups.nth(1).locator('tbody tr').count()).toBe(0); // closed groups are not read

    const [download] = await Promise.all([page.waitForEvent('download'), groups.first().getByTestId('reject-group-csv').click()]);
    const csv = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        const parts: Buffer[] = [];
        stream.on('data', (c: Buffer) => parts.push(c));
        stream.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    expect(download.suggestedFilename()).toMatch(/^rejected-rows-date-of-service-.*\.csv$/);
    expect(csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'File,Line', 'export.csv,3', 'export.csv,5', 'export.csv,6',
    ]);
    expect(errors).toEqual([]);
  });
});

describe('file warnings', () => {
  it('say in plain words what happened, the X12 detail one click away', async () => {
    const { page, errors } = await openApp(browser(), '?page=files');
    await engineReady(page);
    // 835-remit.835 has 59 segments from ST to SE; its trailer is made to say 25
    const joined = readFileSync('test/fixtures/x12/835-remit.835', 'utf8').replace('SE*59*0001', 'SE*25*0001');
    await page.setInputFiles('#file-input', { name: 'joined.835', mimeType: 'text/plain', buffer: Buffer.from(joined) });
    const warning = page.locator('[data-testid="files-table"] tbody tr', { hasText: 'joined.835' }).getByTestId('file-warning').first();
    await expect.poll(() => warning.textContent(), { timeout: 60_000 }).toContain(
      '⚠ The file’s trailer counts 25 segments but the file has 59: it was probably joined from several files; nothing was lost.',
    );
    const detail = warning.locator('code');
    expect(await detail.isVisible()).toBe(false);
    await warning.locator('summary').click();
    expect(await detail.textContent()).toBe('Transaction set at segment 3: SE01 says 25 segments, 59 were found.');
    expect(await detail.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('unloading a kept file', () => {
  it('removes it from the load list and from what this computer keeps, so the next tab does not load it again', async () => {
    const { page, errors } = await openApp(browser());
    await engineReady(page);
    await page.getByTestId('keep-data').check();
    await page.setInputFiles('#file-input', ['test/fixtures/x12/835-remit.835', 'test/fixtures/x12/837p-claims.837']);
    // the files kept in IndexedDB, by name, as the next tab would load them
    const kept = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('denial-lens-files', 1);
            // not kept yet: do not create the database (the app creates it with its store)
            open.onupgradeneeded = () => open.transaction!.abort();
            open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
            open.onsuccess = () => {
              const all = open.result.transaction('files').objectStore('files').getAll();
              all.onsuccess = () => {
                resolve((all.result as { file: File }[]).map((k) => k.file.name));
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(kept, { timeout: 60_000 }).toEqual(['835-remit.835', '837p-claims.837']);

    await page.getByTestId('load-summary').locator(':scope > summary').click();
    const entry = page.getByTestId('load-result').filter({ hasText: '837p-claims.837' });
    await entry.getByRole('button', { name: 'Remove 837p-claims.837' }).click();
    await entry.getByTestId('remove-file-confirm').click();
    await expect.poll(() => page.getByTestId('load-result').allTextContents(), { timeout: 60_000 }).toEqual([expect.stringContaining('835-remit.835 — Loaded')]);
    await expect.poll(kept, { timeout: 60_000 }).toEqual(['835-remit.835']);

    const next = await page.context().newPage();
    await next.goto(page.url());
    await expect.poll(() => next.getByTestId('load-result').allTextContents(), { timeout: 60_000 }).toEqual([expect.stringContaining('835-remit.835 — Loaded')]);
    expect(errors).toEqual([]);
  });
});
