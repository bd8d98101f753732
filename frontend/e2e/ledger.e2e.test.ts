// End to end: the real socai binary (env SOCAI_BIN), a fresh database, two imported
// events, `socai serve` and Debian's chromium driven by playwright-core.
//
//   SOCAI_BIN=/path/to/socai npm run e2e
//
// Writes screenshots to $SOCAI_SCREENSHOTS (make screenshots: docs/screenshots), else to build/screenshots.

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const execFileP = promisify(execFile);

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const SCREENSHOT_DIR = process.env['SOCAI_SCREENSHOTS'] ?? path.join(REPO_ROOT, 'build', 'screenshots');
const SCREENSHOT = path.join(SCREENSHOT_DIR, 'so-cai.png');
const SCREENSHOT_TAMPERED = path.join(SCREENSHOT_DIR, 'so-cai-bi-sua.png');
const SQLITE3 = process.env.SQLITE3_BIN ?? '/usr/bin/sqlite3';
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

const SOCAI_BIN = process.env.SOCAI_BIN ? path.resolve(process.env.SOCAI_BIN) : '';

const EVENTS = [
  {
    type: 'ClusterFormed',
    stream: 'cluster-mnbg',
    occurred_on: '2021-01-01',
    data: {
      cluster_id: 'mnbg',
      name: 'Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc',
      region: 'Miền núi biên giới phía Bắc',
    },
    meta: { actor: 'e2e' },
  },
  {
    type: 'SchoolRegistered',
    stream: 'school-sonla',
    occurred_on: '2021-01-01',
    data: {
      school_id: 'sonla',
      name: 'Trường Chính trị tỉnh Sơn La',
      province: 'Sơn La',
      cluster_id: 'mnbg',
    },
    meta: { actor: 'e2e' },
  },
];

let tmp = '';
let db = '';
let server: ChildProcess | undefined;
let serverLog = '';
let baseUrl = '';
let pageUrl = '';
let context: BrowserContext | undefined;
let page: Page | undefined;

async function socai(...args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileP(SOCAI_BIN, ['--db', db, ...args], { timeout: 60_000 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `socai ${args.join(' ')} failed: ${e.message}\nstdout: ${e.stdout ?? ''}\nstderr: ${e.stderr ?? ''}`,
    );
  }
}

/** Starts `socai serve` and resolves with the URL it prints once listening. */
function startServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOCAI_BIN, ['--db', db, 'serve', '--addr', '127.0.0.1:0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    const timer = setTimeout(() => {
      reject(new Error(`socai serve printed no address within 30 s\n${serverLog}`));
    }, 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      serverLog += chunk.toString();
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      serverLog += `${line}\n`;
      const m = /^socai serve: (http:\/\/\S+)\s*$/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`socai serve exited early (code ${code}, signal ${signal})\n${serverLog}`));
    });
  });
}

/** No hover, focus or click animation on the button in the pictures. */
async function settle(p: Page): Promise<void> {
  await p.mouse.move(5, 795);
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await p.waitForTimeout(800);
}

function stopServer(): Promise<void> {
  const child = server;
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

describe('Sổ cái in the browser against socai serve', () => {
  beforeAll(async () => {
    if (!SOCAI_BIN) throw new Error('set SOCAI_BIN to the path of the built socai binary');
    if (!existsSync(SOCAI_BIN)) throw new Error(`SOCAI_BIN does not exist: ${SOCAI_BIN}`);
    if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}`);
    if (!existsSync(SQLITE3)) throw new Error(`sqlite3 not found at ${SQLITE3}`);

    tmp = mkdtempSync(path.join(tmpdir(), 'socai-e2e-'));
    db = path.join(tmp, 't.db');
    await socai('init');
    const jsonl = path.join(tmp, 'events.jsonl');
    writeFileSync(jsonl, EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
    await socai('import', jsonl, '--actor', 'e2e');

    pageUrl = await startServer();
    baseUrl = new URL(pageUrl).origin;

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
      ],
      viewport: { width: 1366, height: 800 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await stopServer();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses API requests without the token', async () => {
    const res = await fetch(`${baseUrl}/api/LedgerService/Info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect([401, 403]).toContain(res.status);

    const wrong = await fetch(`${baseUrl}/api/LedgerService/Info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Socai-Token': 'not-the-token' },
      body: '[]',
    });
    expect([401, 403]).toContain(wrong.status);
  });

  it('shows the ledger, verifies it and takes the screenshot', async () => {
    const p = page!;
    const consoleErrors: string[] = [];
    p.on('pageerror', (err) => consoleErrors.push(err.message));

    await p.goto(pageUrl);
    await expect.poll(() => p.title()).toBe('socai – Sổ cái Cụm thi đua');
    // the app opens on "Tổng quan"; the ledger is one click away
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    await p.getByTestId('nav-ledger').click();
    await p.getByTestId('event-count').waitFor({ timeout: 30_000 });
    expect((await p.getByTestId('event-count').textContent())?.trim()).toBe('2');
    expect((await p.getByTestId('stream-count').textContent())?.trim()).toBe('2');
    expect((await p.getByTestId('db-path').textContent()) ?? '').toContain('t.db');
    expect(await p.getByTestId('head-local-tag').count()).toBe(1);
    expect(await p.getByTestId('head-local-tag').first().textContent()).toBe('Máy này');

    // the area that is not built yet is present but disabled
    const inspections = p.getByTestId('nav-inspections');
    expect(await inspections.getAttribute('aria-disabled')).toBe('true');

    await p.getByTestId('verify-button').click();
    const result = p.getByTestId('verify-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain(
      'Toàn vẹn: đã kiểm tra 2 sự kiện, không phát hiện sửa đổi',
    );

    await settle(p);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await p.screenshot({ path: SCREENSHOT, fullPage: true });

    // a reload keeps working: the token is kept in sessionStorage
    await p.goto(`${baseUrl}/`);
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    await p.getByTestId('nav-ledger').click();
    await p.getByTestId('event-count').waitFor({ timeout: 30_000 });
    expect((await p.getByTestId('event-count').textContent())?.trim()).toBe('2');

    expect(consoleErrors).toEqual([]);
  });

  it('shows what an edit made outside the application breaks', async () => {
    const p = page!;
    // What someone with the file and a SQLite tool could do: drop the append-only
    // trigger and rewrite the school's name in the second event.
    await execFileP(SQLITE3, [
      db,
      'DROP TRIGGER events_no_update; ' +
        "UPDATE events SET data = replace(data, 'Sơn La', 'Lai Châu') WHERE seq = 2;",
    ]);

    await p.getByTestId('verify-button').click();
    const result = p.locator('[data-testid="verify-result"][data-ok="false"]');
    await result.waitFor({ timeout: 30_000 });
    const problems = p.getByTestId('verify-problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('Nội dung bị sửa');
    expect(text).toContain('Mất cơ chế chỉ-ghi-thêm');

    await settle(p);
    await p.screenshot({ path: SCREENSHOT_TAMPERED, fullPage: true });
  });
});
