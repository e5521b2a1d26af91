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

let current: { key: string; scenario: Scenario } | null = null;
const post = (m: PlayerAnswer): void => postMessage(m);

onmessage = (e: MessageEvent<PlayerRequest>) => {
  const m = e.data;
  if (m.kind === 'scenario') {
    const r = loadScenario(m.scenario);
    current = r.ok ? { key: m.key, scenario: r.value } : null;
    return;
  }
  if (current?.key !== m.key) return post({ kind: 'error', id: m.id, message: 'the computer player was not given this game’s scenario' });
  const player = parsePlayer(m.player);
  if (!player.ok) return post({ kind: 'error', id: m.id, message: player.error });
  try {
    post({ kind: 'orders', id: m.id, orders: player.value.decide(current.scenario, reviveView(m.view)) });
  } catch (err) {
    post({ kind: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
};
