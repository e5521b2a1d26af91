// The random player: any legal orders. It picks how many orders to give (1 to the
// limit), then draws among the orders it can still afford.
import type { LegalOrder, Order } from '../engine';
import { legalOrders, orderKey, own } from '../engine';
import type { Player } from './player';
import { botRng } from './botRng';

export function randomPlayer(): Player {
  return {
    name: 'random',
    decide(scenario, view) {
      const power = view.viewer;
      const rng = botRng(view.playerSeed, power, view.turn, 'random');
      const want = 1 + rng.int(scenario.rules.maxOrdersPerTurn);
      let budget = own(view.powers, power)?.budget ?? 0;
      const chosen: Order[] = [];
      const used = new Set<string>();
      let options: LegalOrder[] = legalOrders(scenario, view, power);
      while (chosen.length < want) {
        options = options.filter((o) => o.cost <= budget && !used.has(orderKey(o.order)));
        if (options.length === 0) break;
        const pick = options[rng.int(options.length)] as LegalOrder;
        chosen.push(pick.order);
        used.add(orderKey(pick.order));
        budget -= pick.cost;
      }
      return chosen;
    },
  };
}
