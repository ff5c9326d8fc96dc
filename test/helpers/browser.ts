/**
 * One harness for the browser suites: Debian's Chromium driven by playwright-core against a
 * real server (Hono over HTTP on 127.0.0.1) and a real store (SQLite at `app.db` in the suite's
 * folder, or whatever `openStore` gives: a PostgreSQL store), all in one folder that is removed
 * only after Chromium's whole process group has exited (its profile used to be removed while
 * Chromium still wrote to it).
 *
 * Without /usr/bin/chromium a suite is skipped in a user's clone, and fails under CI.
 */
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { defaultWebRoot } from '../../src/server/app.js';
import { listen, type ListenOptions, type RunningServer } from '../../src/server/listen.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Where screenshots go (kept by CI as artifacts; ignored by git). */
export const SHOTS = join(packageRoot(), 'test-results');
export const hasChromium = existsSync(CHROMIUM);
/** True when the browser suites must run: Chromium is here, or CI demands it. */
export const runBrowserSuites = hasChromium || Boolean(process.env.CI);

if (!runBrowserSuites) console.warn(`[skipped] browser tests: ${CHROMIUM} not found (apt-get install chromium); under CI they fail instead`);

/**
 * Waits until no process of a process group is left (Chromium and its helpers), so that its
 * profile is removed only once nothing writes to it; fails after `ms`.
 */
export async function groupGone(leader: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-leader, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw error;
    }
    if (Date.now() > until) throw new Error(`Chromium (process group ${leader}) still runs ${ms} ms after it was closed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface BrowserApp<S extends Store = SqliteStore> {
  /** The suite's folder: the SQLite store (`app.db`), Chromium's profile, its TMPDIR, artifacts. */
  base: string;
  store: S;
  server: RunningServer;
  browser: BrowserContext;
  /** A page at desktop size (1280×900); throws on any uncaught error in the page. */
  page: Page;
  /** Chromium's process id (it leads its own process group). */
  chromiumPid: number;
  /** Opens `#/…` (or '' for the start view) in `page` (or another page of the context). */
  open(hash: string, on?: Page): Promise<void>;
  /** A screenshot of `page` (or `on`) to test-results/NAME.png. */
  shot(name: string, on?: Page): Promise<void>;
  /** A new page of the given size that throws on uncaught errors too. */
  newPage(size?: { width: number; height: number }): Promise<Page>;
  /** Closes the browser, the server and the store, then removes `base`. */
  close(): Promise<void>;
}

export interface BrowserAppOptions<S extends Store = SqliteStore> extends Omit<ListenOptions, 'host' | 'port'> {
  /**
   * Opens the new, empty store the app serves (given the suite's folder); `close()` closes it.
   * Default: a SQLite store at `app.db` in that folder.
   */
  openStore?: (base: string) => Promise<S>;
}

/**
 * Starts Chromium against a server over a new store, filled by `fill` before the server
 * starts. Call in `beforeAll` and `close()` in `afterAll`.
 */
export async function startBrowserApp<S extends Store = SqliteStore>(fill: (store: S) => Promise<void>, options: BrowserAppOptions<S> = {}): Promise<BrowserApp<S>> {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: install it with apt-get install chromium`).toBe(true);
  expect(existsSync(join(defaultWebRoot(), 'index.html')), 'web/dist is not built: run npm run build').toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  const base = mkdtempSync(join(tmpdir(), 'marsad-browser-'));
  for (const dir of ['profile', 'tmp', 'artifacts']) mkdirSync(join(base, dir));
  const { openStore, ...listenOptions } = options;
  let store: S | undefined;
  let server: RunningServer | undefined;
  let browser: BrowserContext | undefined;
  let chromiumPid = 0;
  const close = async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (chromiumPid) await groupGone(chromiumPid, 15_000);
    rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    store = openStore ? await openStore(base) : (openSqliteStore(join(base, 'app.db')) as Store as S);
    await fill(store);
    server = await listen(store, { ...listenOptions, host: '127.0.0.1', port: 0 });
    // A fresh profile folder each run (playwright passes it to Chromium as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(base, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      artifactsDir: join(base, 'artifacts'),
      env: { ...process.env, TMPDIR: join(base, 'tmp') },
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Chromium names itself in its profile's lock: "HOST-PID".
    chromiumPid = Number(/-(\d+)$/.exec(readlinkSync(join(base, 'profile', 'SingletonLock')))?.[1] ?? 0);
    const context = browser;
    const running = server;
    const newPage = async (size?: { width: number; height: number }) => {
      const p = await context.newPage();
      if (size) await p.setViewportSize(size);
      p.on('pageerror', (e) => {
        throw e;
      });
      return p;
    };
    const page = await newPage();
    return {
      base,
      store,
      server: running,
      browser: context,
      page,
      chromiumPid,
      newPage,
      open: async (hash, on = page) => {
        await on.goto(`${running.url}/${hash}`);
        await on.waitForLoadState('domcontentloaded');
      },
      shot: async (name, on = page) => {
        await on.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
