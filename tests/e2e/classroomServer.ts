// What the classroom browser tests share (classroom.test.ts, classroom-shared.test.ts): the
// classroom server as `npm run serve` starts it, and a device (a browser context of its own
// whose console errors and security-policy violations are collected).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from './browser';

/** The server's entry, as `npm run serve` runs it. */
const SERVER_MAIN = join(ROOT, 'src/server/main.ts');

/** The classroom server as `npm run serve` starts it, on a database of its own, serving the build in `dist`; ready at its `listening on` line. */
export async function startClassroomServer(port: number, dist: string, db: string, extra: readonly string[] = []): Promise<ChildProcess> {
  // A process group of its own: npx starts tsx, which starts node; stopping the group stops them all.
  const child = spawn('npx', ['tsx', SERVER_MAIN, '--port', String(port), '--host', '127.0.0.1', '--db', db, '--dist', dist, ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the classroom server did not start:\n${out}`)), 60_000);
    const read = (d: Buffer): void => {
      out += d.toString();
      if (/^listening on /m.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the classroom server stopped:\n${out}`));
    });
  });
}

/** Whether any process of the group `pid` leads is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the server's process group and waits until every process in it is gone: npx may
 * exit before the node server under it, which would still hold the port a restart needs
 * (seen once under load as "address already in use"). After 10 s the group is killed.
 */
export async function stopClassroomServer(child: ChildProcess | null): Promise<void> {
  if (child?.pid === undefined) return;
  const pid = child.pid;
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-pid, 'SIGTERM');
    await exited;
  }
  for (let waited = 0; groupAlive(pid); waited += 50) {
    if (waited >= 10_000) process.kill(-pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Device {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Every WebSocket message the page received, as the browser's developer tools show it (inflated). */
  frames: string[];
}

/** A browser context of its own at `base + path`, its console errors collected. */
export async function openDevice(browser: Browser, base: string, width: number, height: number, path: string): Promise<Device> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  // Nothing on a classroom screen may break the page's security policy (an eval probe, a foreign socket).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`security policy: ${e.effectiveDirective} blocked ${e.blockedURI}`));
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))));
  await page.goto(`${base}${path}`);
  return { context, page, errors, frames };
}
