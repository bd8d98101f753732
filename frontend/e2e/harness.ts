// The end-to-end harness shared by every page's test: the real socai binary
// (env SOCAI_BIN) on a fresh database in a temp dir, `socai serve`, and Debian's
// chromium driven by playwright-core.
//
//   SOCAI_BIN=/path/to/socai npm run e2e
//
// Screenshots go to $SOCAI_SCREENSHOTS (make screenshots: docs/screenshots), else build/screenshots;
// a failed test leaves what its page showed in build/e2e-failures (paths.ts).
// SOCAI_E2E_CPU_THROTTLE=4 slows the page's CPU fourfold, to shake out races.

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, type TestContext } from 'vitest';
import { FAILURE_DIR, SCREENSHOT_DIR } from './paths';

export { REPO_ROOT, SCREENSHOT_DIR } from './paths';

export const execFileP = promisify(execFile);

export const SQLITE3 = process.env['SQLITE3_BIN'] ?? '/usr/bin/sqlite3';
export const CHROMIUM = process.env['CHROMIUM_BIN'] ?? '/usr/bin/chromium';
export const SOCAI_BIN = process.env['SOCAI_BIN'] ? path.resolve(process.env['SOCAI_BIN']) : '';

export interface Harness {
  tmp: string;
  db: string;
  /** The page address with the token, as `socai serve` printed it. */
  pageUrl: string;
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the page. */
  pageErrors: string[];
  /** The page's console errors and warnings, and a renderer crash: for the failure report. */
  consoleLog: string[];
  /** What socai serve printed. */
  serverLog: { text: string };
  socai: (...args: string[]) => Promise<string>;
  /** Calls a bound service method over HTTP with the page's token. */
  api: <T>(service: string, method: string, ...args: unknown[]) => Promise<T>;
  close: () => Promise<void>;
}

export function requireTools(): void {
  if (!SOCAI_BIN) throw new Error('set SOCAI_BIN to the path of the built socai binary');
  if (!existsSync(SOCAI_BIN)) throw new Error(`SOCAI_BIN does not exist: ${SOCAI_BIN}`);
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}`);
}

async function runSocai(db: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileP(SOCAI_BIN, ['--db', db, ...args], { timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `socai ${args.join(' ')} failed: ${e.message}\nstdout: ${e.stdout ?? ''}\nstderr: ${e.stderr ?? ''}`,
    );
  }
}

/** Starts `socai serve` and resolves with the URL it prints once listening. */
function startServer(db: string, log: { text: string }): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOCAI_BIN, ['--db', db, 'serve', '--addr', '127.0.0.1:0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      reject(new Error(`socai serve printed no address within 30 s\n${log.text}`));
    }, 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log.text += chunk.toString();
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      log.text += `${line}\n`;
      const m = /^socai serve: (http:\/\/\S+)\s*$/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`socai serve exited early (code ${code}, signal ${signal})\n${log.text}`));
    });
  });
}

function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface HarnessOptions {
  /** Prepares the database before the server starts (init, import, demo …). */
  seed?: (socai: (...args: string[]) => Promise<string>, tmp: string) => Promise<void>;
  /** What localStorage holds before the app starts, e.g. the chosen period. */
  localStorage?: Record<string, string>;
  /** The system's animation setting; by default it asks for less motion, so that dialogs,
   * menus and toasts appear at once and a click never lands mid-animation. */
  motion?: boolean;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  requireTools();
  const tmp = mkdtempSync(path.join(tmpdir(), 'socai-e2e-'));
  const db = path.join(tmp, 't.db');
  const socai = (...args: string[]) => runSocai(db, args);
  let child: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => {});
    await stopServer(child);
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    if (opts.seed) await opts.seed(socai, tmp);
    else await socai('init');
    const log = { text: '' };
    const started = await startServer(db, log);
    child = started.child;
    const pageUrl = started.url;
    const baseUrl = new URL(pageUrl).origin;
    const token = new URL(pageUrl).searchParams.get('token') ?? '';

    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
      viewport: { width: 1366, height: 800 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      reducedMotion: opts.motion ? 'no-preference' : 'reduce',
    });
    if (opts.localStorage) {
      const entries = opts.localStorage;
      await context.addInitScript((kv: Record<string, string>) => {
        if (sessionStorage.getItem('socai.e2e.seeded')) return;
        sessionStorage.setItem('socai.e2e.seeded', '1');
        for (const [k, v] of Object.entries(kv)) localStorage.setItem(k, v);
      }, entries);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    // the context option can miss the persistent context's first page: set it on the page too
    await page.emulateMedia({ reducedMotion: opts.motion ? 'no-preference' : 'reduce' });
    const throttle = Number(process.env['SOCAI_E2E_CPU_THROTTLE'] ?? '');
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const consoleLog: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleLog.push(`${m.type()}: ${m.text()}`);
    });
    page.on('crash', () => consoleLog.push('the renderer crashed'));

    const api = async <T,>(service: string, method: string, ...args: unknown[]): Promise<T> => {
      const res = await fetch(`${baseUrl}/api/${service}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Socai-Token': token },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as T;
      if (!res.ok) throw new Error(`${service}.${method}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };

    return { tmp, db, pageUrl, baseUrl, page, context, pageErrors, consoleLog, serverLog: log, socai, api, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The harness of a test file, to call at its top: started before the file's tests and
 * closed after them; its fields are there once the tests run. */
export function setupHarness(opts: HarnessOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(opts));
  });
  afterEach(async (ctx) => {
    // a file with two harnesses: only the one whose page the test used
    if (ctx.task.result?.state === 'fail' && h.page && h.page.url() !== 'about:blank') await reportFailure(h, ctx);
  });
  afterAll(async () => {
    await h.close?.();
  });
  return h;
}

const tail = (lines: readonly string[], n: number) => lines.slice(-n).map((l) => `    ${l.slice(0, 300)}`);

/** Appends what the page showed when a test failed to FAILURE_DIR/report.txt, with a
 * screenshot: on CI the printed report is all there is to go on. */
async function reportFailure(h: Harness, ctx: TestContext): Promise<void> {
  mkdirSync(FAILURE_DIR, { recursive: true });
  const name = `${path.basename(ctx.task.file.name, '.e2e.test.ts')} – ${ctx.task.name}`;
  const shot = path.join(FAILURE_DIR, `${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
  const page = await h.page
    .evaluate(() => ({
      url: location.pathname + location.hash,
      menu: document.querySelectorAll('[data-testid^="nav-"]').length,
      modals: document.querySelectorAll('.ant-modal-wrap:not([style*="display: none"])').length,
      text: (document.body.innerText || '').replace(/\s+/g, ' ').slice(0, 400),
    }))
    .catch((err: unknown) => ({ url: '', menu: -1, modals: -1, text: `the page cannot be read: ${String(err)}` }));
  await h.page.screenshot({ path: shot, fullPage: true, timeout: 10_000 }).catch(() => {});
  const lines = [
    `== e2e failure: ${name}`,
    `  page ${page.url}: ${page.menu} menu items, ${page.modals} open dialogs`,
    `  text: ${page.text}`,
    `  page errors (${h.pageErrors.length}):`,
    ...tail(h.pageErrors, 5),
    `  console errors and warnings (${h.consoleLog.length}, the last 8):`,
    ...tail(h.consoleLog, 8),
    '  socai serve, the last 8 lines:',
    ...tail(h.serverLog.text.trimEnd().split('\n'), 8),
    `  screenshot: ${shot}`,
    '',
  ];
  appendFileSync(path.join(FAILURE_DIR, 'report.txt'), lines.join('\n') + '\n');
}

/** setupHarness on the demo cluster, the app opening on a period for the whole cluster. */
export function demoHarness(period: string): Harness {
  return setupHarness({ seed: seedDemo, localStorage: filtersFor(period) });
}

/** Writes events as a JSONL file and imports them. */
export async function importEvents(
  socai: (...args: string[]) => Promise<string>,
  tmp: string,
  events: readonly object[],
): Promise<void> {
  const jsonl = path.join(tmp, 'events.jsonl');
  writeFileSync(jsonl, events.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
  await socai('import', jsonl, '--actor', 'e2e');
}

/** No hover, focus or animation in the pictures. */
async function settle(p: Page): Promise<void> {
  await p.mouse.move(5, 795);
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await p.waitForTimeout(800);
}

/** Saves a full-page screenshot under the screenshot directory. */
export async function screenshot(p: Page, name: string): Promise<string> {
  await settle(p);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  // the header is sticky: a full-page shot of a scrolled page would draw it mid-page
  await p.evaluate(() => window.scrollTo(0, 0));
  // the "Đã ghi vào sổ cái" toasts would cover the figures: hidden by a style, not removed,
  // since React still owns them (a node taken out under it makes its next update throw)
  await p.screenshot({ path: file, fullPage: true, style: '.ant-message { visibility: hidden !important; }' });
  return file;
}

/** Opens an area from the menu and waits until it has loaded. */
export async function openArea(p: Page, key: string, pageTestId: string): Promise<void> {
  await p.getByTestId(`nav-${key}`).click();
  await p.getByTestId(pageTestId).waitFor({ timeout: 30_000 });
  await loaded(p);
}

/** Loads the app, waits for its first page (Tổng quan), then opens an area from the menu. */
export async function loadArea(h: Harness, key: string, pageTestId: string): Promise<Page> {
  const p = h.page;
  await p.goto(h.pageUrl);
  await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
  await openArea(p, key, pageTestId);
  return p;
}

/** The text of an element, trimmed. */
export async function text(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').trim();
}

/** The .ant-select root of a Select given by its input (#id) or its root (test id). */
async function selectRoot(p: Page, select: Locator): Promise<Locator> {
  const isRoot = await select.evaluate((el) => el.classList.contains('ant-select'));
  return isRoot ? select : p.locator('.ant-select', { has: select });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The dropdown of a Select: the one holding the listbox its input controls. */
async function dropdownOf(p: Page, root: Locator): Promise<Locator> {
  const listId = await root.locator('input[role="combobox"]').getAttribute('aria-controls');
  return p.locator('.ant-select-dropdown', { has: p.locator(`[id="${listId}"]`) });
}

/** Picks an option of an antd Select by its visible label; checks that it was taken
 * (a click during the dropdown's opening animation can miss) and retries. */
export async function pickOption(p: Page, select: Locator, label: string): Promise<void> {
  const root = await selectRoot(p, select);
  for (let attempt = 0; attempt < 4; attempt++) {
    await root.locator('.ant-select-selector').click();
    const options = (await dropdownOf(p, root)).locator('.ant-select-item-option');
    await options.first().waitFor();
    // the exact label if there is one ("Năm 2023", not "6 tháng đầu năm 2023"), else a part of it
    const exact = options.filter({ hasText: new RegExp('^' + escapeRegExp(label) + '$') });
    const option = (await exact.count()) > 0 ? exact.first() : options.filter({ hasText: label }).first();
    await option.waitFor();
    await p.waitForTimeout(150); // let the dropdown finish opening
    await option.click();
    const chosen = root.locator('.ant-select-selection-item');
    try {
      await expect.poll(async () => ((await chosen.textContent()) ?? ''), { timeout: 2_000 }).toContain(label);
      return;
    } catch {
      await p.keyboard.press('Escape');
    }
  }
  throw new Error(`could not pick "${label}"`);
}

/** Picks options of a multiple antd Select by their visible labels, then closes it. */
export async function pickOptions(p: Page, select: Locator, labels: readonly string[]): Promise<void> {
  const root = await selectRoot(p, select);
  for (const label of labels) {
    const tag = root.locator('.ant-select-selection-item', { hasText: label });
    for (let attempt = 0; attempt < 4 && (await tag.count()) === 0; attempt++) {
      const option = (await dropdownOf(p, root)).locator('.ant-select-item-option', { hasText: label }).first();
      // a multiple Select stays open after a choice; clicking it again would close it
      if (!(await option.isVisible())) await root.locator('.ant-select-selector').click();
      await option.waitFor();
      await p.waitForTimeout(150); // let the dropdown finish opening
      await option.click();
      await p.waitForTimeout(100);
    }
    if ((await tag.count()) === 0) throw new Error(`could not pick "${label}"`);
  }
  // close the dropdown; Escape would also close a modal around it
  const title = p.locator('.ant-modal-title:visible');
  if ((await title.count()) > 0) await title.first().click();
  else await p.keyboard.press('Escape');
}

/** Picks the first option of an antd Select. */
export async function pickFirstOption(p: Page, select: Locator): Promise<string> {
  const root = await selectRoot(p, select);
  await root.locator('.ant-select-selector').click();
  const option = (await dropdownOf(p, root)).locator('.ant-select-item-option').first();
  await option.waitFor();
  const label = ((await option.textContent()) ?? '').trim();
  await p.keyboard.press('Escape');
  await pickOption(p, select, label);
  return label;
}

/** Types a date (dd/mm/yyyy) into an antd DatePicker given by its input id. */
export async function typeDate(p: Page, inputId: string, ddmmyyyy: string): Promise<void> {
  const input = p.locator(`#${inputId}`);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

/** Picks a day (yyyy-mm-dd) in the calendar of a DatePicker with time and confirms
 * with OK; checks that the click took (the input shows the day while it is pending:
 * a click during the dropdown's opening animation can miss) and retries. */
export async function pickCalendarDay(p: Page, inputId: string, iso: string): Promise<void> {
  const input = p.locator(`#${inputId}`);
  const [yyyy, mm, dd] = iso.split('-');
  const dropdown = p.locator('.ant-picker-dropdown:visible');
  for (let attempt = 0; attempt < 4; attempt++) {
    if ((await dropdown.count()) === 0) await input.click();
    await dropdown.locator('.ant-picker-date-panel').waitFor();
    const cell = dropdown.locator(`td[title="${iso}"]:not(.ant-picker-cell-disabled)`).first();
    if ((await cell.count()) === 0) await dropdown.locator('.ant-picker-header-prev-btn').click();
    await p.waitForTimeout(150); // let the dropdown finish opening
    await cell.click();
    try {
      await expect.poll(() => input.inputValue(), { timeout: 2_000 }).toContain(`${dd}/${mm}/${yyyy}`);
      await dropdown.locator('.ant-picker-ok button:enabled').click({ timeout: 5_000 });
      return;
    } catch {
      await p.keyboard.press('Escape');
    }
  }
  throw new Error(`could not pick the day ${iso}`);
}

/** The error message shown at a form item, by the item's input id. */
export function fieldError(p: Page, inputId: string): Locator {
  return p
    .locator('.ant-form-item', { has: p.locator(`#${inputId}`) })
    .locator('.ant-form-item-explain-error');
}

/** Chooses the period (e.g. "6 tháng đầu năm 2021") in the filter bar. */
export async function choosePeriod(p: Page, label: string): Promise<void> {
  await pickOption(p, p.getByTestId('period-select'), label);
}

/** Waits until no table or card of the page is loading: a click on a row while the
 * figures above it still arrive can land where the row was. */
export async function loaded(p: Page): Promise<void> {
  await expect.poll(() => p.locator('.ant-spin-spinning').count(), { timeout: 30_000 }).toBe(0);
}

/** Chooses a school (or "Toàn cụm thi đua") in the filter bar. */
export async function chooseSchool(p: Page, label: string): Promise<void> {
  await pickOption(p, p.getByTestId('school-select'), label);
}

/** Seeds the demo cluster (socai demo). */
export async function seedDemo(socai: (...args: string[]) => Promise<string>): Promise<void> {
  await socai('demo');
}

/** localStorage that makes the app open on a period for the whole cluster. */
export function filtersFor(period: string, school = ''): Record<string, string> {
  return { 'socai.filters': JSON.stringify({ period, school }) };
}

/** The number of events in the ledger. */
export async function eventCount(h: Harness): Promise<number> {
  return (await h.api<{ events: number }>('LedgerService', 'Info')).events;
}
