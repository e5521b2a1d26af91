// The search in steps (the page's worker pauses between them, issue 11 item 5): the same
// orders as deciding at once, through the player the worker is given, and really in pieces
// (one step for the candidates and one per rollout), so no single step runs the whole search.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/engine';
import { newGame, resolveTurn, viewFor } from '../../src/engine';
import { parsePlayer } from '../../src/ai/player';
import { STRENGTHS } from '../../src/ai/search';
import { shippedScenario } from '../fixtures/shipped';

const scenario = shippedScenario('classroom-short');

describe('the search in steps', () => {
  it.each([2, 3] as const)('search:%i decides the same orders in steps as at once, on turns 1 and 2', (level) => {
    const player = parsePlayer(`search:${level}`);
    if (!player.ok) throw new Error(player.error);
    const g = newGame(scenario, 'steps');
    if (!g.ok) throw new Error(g.error);
    let state = g.value;
    for (let turn = 0; turn < 2; turn++) {
      const orders: Record<string, Order[]> = Object.create(null) as Record<string, Order[]>;
      for (const p of scenario.powers) {
        const view = viewFor(scenario, state, p.id);
        const steps = player.value.decideInSteps?.(scenario, view);
        if (!steps) throw new Error('the search player has no steps');
        let step = steps.next();
        let count = 0;
        while (!step.done) {
          count++;
          step = steps.next();
        }
        // The candidates, then one step per rollout.
        expect(count).toBe(STRENGTHS[level].rollouts + 1);
        expect(step.value).toEqual(player.value.decide(scenario, view));
        orders[p.id] = step.value;
      }
      const r = resolveTurn(scenario, state, orders);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      state = r.value.state;
    }
    // search:3 plays its rollouts to the game's end: eight of its decisions take tens of seconds on a busy two-core machine.
  }, 180_000);
});
