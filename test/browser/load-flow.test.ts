import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { openApp, useChromium } from './browser.ts';

const browser = useChromium();
const ANTHEM = readdirSync('sample-data/835').filter((f) => f.startsWith('anthem-blue-cross-')).sort().slice(0, 4).map((f) => `sample-data/835/${f}`);

describe('loading a batch of files', () => {
  it('says which file of the batch it is on, sums up the batch in one line that opens, and names the file a duplicate repeats', async () => {
    const { page, errors } = await openApp(browser());
    await page.locator('#file-input:enabled').waitFor({ state: 'attached', timeout: 60_000 });
    // every progress text shown, recorded in the page (the load is too quick to poll)
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="progress-text"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.setInputFiles('#file-input', ANTHEM);
    const summary = page.getByTestId('load-summary');
    await expect.poll(() => summary.locator(':scope > summary').textContent(), { timeout: 120_000 }).toMatch(/^4 files · [\d,]+ rows loaded · [\d,]+ rejected · \d+ warnings?$/);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    for (const [i, path] of ANTHEM.entries()) {
      const name = path.split('/').pop()!;
      expect(seen.some((t) => t.startsWith(`file ${i + 1} of 4 · `) && t.includes(name.slice(-11)))).toBe(true);
    }
    expect(seen.some((t) => / · \d+ % · [\d,]+ rows read in this batch$/.test(t))).toBe(true);

    // the list is folded into the summary line, and opens on demand
    const rows = page.getByTestId('load-result');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().isVisible()).toBe(false);
    await summary.locator(':scope > summary').click();
    expect(await rows.first().isVisible()).toBe(true);

    // the same file again: "Already loaded", naming the file it repeats
    const first = ANTHEM[0].split('/').pop()!;
    await page.setInputFiles('#file-input', ANTHEM[0]);
    await expect.poll(() => summary.locator(':scope > summary').textContent(), { timeout: 60_000 }).toContain('· 1 already loaded');
    const duplicate = (await rows.allTextContents()).filter((t) => t.includes('Already loaded'));
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]).toMatch(new RegExp(`^${first.replaceAll('.', '\\.')} — Already loaded: identical to “${first.replaceAll('.', '\\.')}”, loaded \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d: nothing was added$`));
    expect(errors).toEqual([]);
  }, 300_000);
});
