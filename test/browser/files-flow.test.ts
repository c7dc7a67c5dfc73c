import { describe, expect, it } from 'vitest';
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
    expect(await page.getByTestId('load-summary').locator('summary').textContent()).toMatch(/^1 file · /);
    const alone = await (await nodeEngineWith([KEEP])).kpis();
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('kpi-lines').textContent(), { timeout: 60_000 }).toContain(count(alone.lines));
    expect(await page.getByTestId('kpi-denied-lines').textContent()).toContain(count(alone.denied_lines));
    expect(errors).toEqual([]);
  });
});
