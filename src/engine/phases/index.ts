// The turn, as an ordered list of phases: the order of this list is the rules' order
// of resolution (scenarios/README.md quotes it).
import type { TurnContext } from '../ledger';
import { payment } from './payment';
import { orders } from './orders';
import { risks } from './risks';
import { assets, projects } from './projects';
import { response } from './response';
import { events } from './events';
import { scoring, victory } from './scoring';
import { income } from './income';

export interface Phase {
  name: string;
  describe: string;
  run: (ctx: TurnContext) => void;
}

export const PHASES: readonly Phase[] = [
  { name: 'payment', describe: "every accepted order's cost leaves its power's budget", run: payment },
  { name: 'orders', describe: 'tenders are awarded to the higher sealed offer; all orders land at once, computed against the state before any of them', run: orders },
  { name: 'risks', describe: 'risky actions roll for their consequences', run: risks },
  { name: 'projects', describe: 'projects under construction advance (unless unrest halts them) and finished ones take effect', run: projects },
  { name: 'assets', describe: 'built projects yield their per-turn effects', run: assets },
  { name: 'response', describe: 'each republic responds: its stance takes effect, then ties, neglect (influence and ties fade), balancing against a dominant patron, stability drift', run: response },
  { name: 'events', describe: 'events in their date window whose chance was drawn a hit when the turn opened, and whose conditions hold now, fire', run: events },
  { name: 'scoring', describe: 'victory points for controlling or leading countries, several times over at a summit', run: scoring },
  { name: 'victory', describe: 'sudden death or the last turn ends the game', run: victory },
  { name: 'income', describe: "unspent budget carries over whole; income and track drains are added; the turn advances and its events' chances are drawn", run: income },
];
