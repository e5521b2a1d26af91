// The computer players in a Web Worker: the page stays responsive while a strong player
// searches (issue 11, item 5). The worker sees what the player would see — the scenario and
// the player's own view — and answers with its orders. The scenario is validated here once
// per game (the worker trusts nothing it is sent) and kept for the following turns.
// First, before any module that builds a zod schema (see zodJitless.ts).
import '../web/zodJitless';
import type { Order, PowerView, Scenario } from '../engine';
import { loadScenario, reviveView } from '../engine';
import { parsePlayer } from '../ai/player';

export type PlayerRequest =
  | { kind: 'scenario'; key: string; scenario: unknown }
  | { kind: 'decide'; id: number; key: string; view: PowerView; player: string };

export type PlayerAnswer = { kind: 'orders'; id: number; orders: Order[] } | { kind: 'error'; id: number; message: string };

/**
 * A search works in slices of about this many milliseconds, each followed by a pause as long.
 * On a two-core machine a worker computing flat out takes the core that the page's thread
 * shares with the browser's rasteriser and compositor, and the map's frames stutter
 * (bench:web: p95 frame 2× idle while the Hardest computer thought). Half a core leaves
 * them room; the orders are the same (the search only pauses between rollouts).
 */
const SLICE_MS = 10;
const PAUSE_MS = 10;

let current: { key: string; scenario: Scenario } | null = null;
const post = (m: PlayerAnswer): void => postMessage(m);
/**
 * Decisions asked for and not yet begun, each with the scenario of its game as it was when
 * asked (a new game may arrive meanwhile): one search at a time, in the order asked.
 */
const queue: { m: Extract<PlayerRequest, { kind: 'decide' }>; scenario: Scenario }[] = [];
let busy = false;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function decide(m: Extract<PlayerRequest, { kind: 'decide' }>, scenario: Scenario): Promise<void> {
  const player = parsePlayer(m.player);
  if (!player.ok) return post({ kind: 'error', id: m.id, message: player.error });
  try {
    const view = reviveView(m.view);
    if (!player.value.decideInSteps) return post({ kind: 'orders', id: m.id, orders: player.value.decide(scenario, view) });
    const steps = player.value.decideInSteps(scenario, view);
    let sliceEnd = performance.now() + SLICE_MS;
    for (;;) {
      const step = steps.next();
      if (step.done) return post({ kind: 'orders', id: m.id, orders: step.value });
      if (performance.now() >= sliceEnd) {
        await pause(PAUSE_MS);
        sliceEnd = performance.now() + SLICE_MS;
      }
    }
  } catch (err) {
    post({ kind: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
}

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) await decide(job.m, job.scenario);
  busy = false;
}

onmessage = (e: MessageEvent<PlayerRequest>) => {
  const m = e.data;
  if (m.kind === 'scenario') {
    const r = loadScenario(m.scenario);
    current = r.ok ? { key: m.key, scenario: r.value } : null;
    return;
  }
  if (current?.key !== m.key) return post({ kind: 'error', id: m.id, message: 'the computer player was not given this game’s scenario' });
  queue.push({ m, scenario: current.scenario });
  void drain();
};
