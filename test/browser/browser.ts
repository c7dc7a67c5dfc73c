import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { openTestEngine } from '../unit/helpers.ts';
import type { Engine } from '../../src/engine/engine.ts';

/** The preview server's address, chosen by global-setup.ts. */
export const baseUrl = () => inject('baseUrl');

/** The committed sample export (22,839 rows). */
export const SAMPLE_CSV = 'sample-data/claims-export-2025-10_2026-09.csv';

/** Numbers as the page prints them. */
export const count = (n: number) => n.toLocaleString('en-US');

/** Flags: root needs --no-sandbox; background networking off so Chromium itself calls no one. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** One Chromium for the test file that calls this (at its top level), closed after its tests. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet');
    return browser;
  };
}

/** The engine in Node on the same files: the numbers the page must show. */
export async function nodeEngineWith(paths: string[]): Promise<Engine> {
  const engine = await openTestEngine();
  await engine.loadFiles(paths.map((p) => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) })));
  return engine;
}

export interface TrackedPage {
  page: Page;
  /** Every request that went anywhere but our own origin (or a blob:/data: URL). */
  outside: string[];
  errors: string[];
}

export async function openApp(browser: Browser, query = ''): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // every wait (waitFor, click, …) as long as a busy 2-core machine may need (Playwright's default is 30 s)
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseUrl()) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl()}/${query}`);
  return { page, outside, errors };
}

/** Until the engine has started: the file input is there and enabled. */
export async function engineReady(page: Page): Promise<void> {
  await page.locator('#file-input:enabled').waitFor({ state: 'attached', timeout: 60_000 });
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.png`;
  await page.screenshot({ path, fullPage });
  return path;
}
