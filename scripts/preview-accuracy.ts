// `npx tsx scripts/preview-accuracy.ts [games per scenario] [seed]`: how often the turn
// preview tells the truth (issue 10, item 6; target ≥ 90%). Plays seeded games between
// computer players on every shipped scenario; on a random sample of turns it takes one
// power's orders, previews them on that power's view (previewTurn) and resolves the same
// turn for real with the rival passing. Each order-country (an action's country, each
// contested country on a project's route) matches when the previewed influence change
// there equals the real one: for the power itself, and (stricter) for every power.
// Mismatches come from risk rolls, which the preview lists as what it cannot know instead
// of guessing (events are drawn when the turn opens, so the preview knows their draws). Not part of the tests: a measurement, like the benchmarks.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import type { GameState, Order, Scenario } from '../src/engine';
import { idRecord, indexScenario, loadScenarioText, newGame, previewTurn, resolveTurn, viewFor } from '../src/engine';
import { parsePlayer } from '../src/ai/player';
import type { Player } from '../src/ai/player';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const games = Number(process.argv[2] ?? '40');
const seed = process.argv[3] ?? 'accuracy';
const SAMPLE = 0.5;
const PLAYERS = ['greedy', 'varied', 'random'] as const;

const player = (name: string): Player => {
  const r = parsePlayer(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

interface Tally {
  pairs: number;
  own: number;
  all: number;
  rolled: number;
  stated: number;
  ownNoRoll: number;
  pairsNoRoll: number;
  turns: number;
  ms: number[];
}

function measureTurn(scenario: Scenario, state: GameState, power: string, mine: Order[], t: Tally): void {
  const ix = indexScenario(scenario);
  const view = viewFor(scenario, state, power);
  const t0 = performance.now();
  const p = previewTurn(scenario, view, power, mine);
  t.ms.push(performance.now() - t0);
  if (!p.ok) throw new Error(`preview refused legal orders: ${p.error}`);
  const real = resolveTurn(scenario, state, idRecord([[power, mine]]));
  if (!real.ok) throw new Error(real.error.message);
  // Did an uncertain roll hit for real? (The preview assumes none does and says so.) An
  // event's roll is not uncertain: it was drawn when the turn opened, and the preview plays it.
  const rolled = real.value.report.rolls.some((r) => r.hit && r.chancePct < 100 && !r.what.startsWith('Event: '));
  t.turns++;
  for (const o of mine) {
    const countries = o.type === 'project' ? (ix.routeCountries.get(o.project) ?? []) : [o.country];
    for (const id of countries) {
      const cp = p.value.countries.find((c) => c.country === id);
      if (!cp) throw new Error(`no preview for ${id}`);
      const realAfter = (q: string): number => real.value.state.countries[id]?.influence[q] ?? 0;
      const ownOk = cp.after.influence[power] === realAfter(power);
      const allOk = ix.powerIds.every((q) => cp.after.influence[q] === realAfter(q));
      // Or one the preview stated: a roll that may go either way, hitting alone.
      const stated = allOk || p.value.chances.some((ch) => {
        const alt = ch.ifHits.find((x) => x.country === id);
        return alt !== undefined && ix.powerIds.every((q) => alt.influence[q] === realAfter(q));
      });
      t.pairs++;
      if (ownOk) t.own++;
      if (stated) t.stated++;
      if (allOk) t.all++;
      if (rolled) t.rolled++;
      else {
        t.pairsNoRoll++;
        if (allOk) t.ownNoRoll++;
      }
    }
  }
}

function playGame(scenario: Scenario, gameSeed: string, t: Tally): void {
  const pick = seedrandom(`pick|${gameSeed}`);
  const players = idRecord(scenario.powers.map((p) => [p.id, player(PLAYERS[Math.floor(pick() * PLAYERS.length)] as string)]));
  const start = newGame(scenario, gameSeed);
  if (!start.ok) throw new Error(start.error);
  let state = start.value;
  while (state.phase.kind === 'playing') {
    const orders = idRecord<Order[]>();
    for (const p of scenario.powers) orders[p.id] = (players[p.id] as Player).decide(scenario, viewFor(scenario, state, p.id));
    if (pick() < SAMPLE) {
      const power = scenario.powers[Math.floor(pick() * scenario.powers.length)]?.id as string;
      measureTurn(scenario, state, power, orders[power] ?? [], t);
    }
    const r = resolveTurn(scenario, state, orders);
    if (!r.ok) throw new Error(r.error.message);
    state = r.value.state;
  }
}

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
console.log(`Preview accuracy: ${games} games a scenario (greedy, varied, random players), about ${SAMPLE * 100}% of turns sampled, the rival passing. Target ≥ 90%.`);
console.log('| scenario | order-countries | own change matches | every power matches | turns with a chance roll hit | every power, no roll hit | headline or a stated roll outcome | preview ms median / p95 |');
console.log('|---|---|---|---|---|---|---|---|');
let failed = false;
for (const f of files) {
  const r = loadScenarioText(readFileSync(join(root, 'scenarios', f), 'utf8'));
  if (!r.ok) throw new Error(`${f} is invalid`);
  const t: Tally = { pairs: 0, own: 0, all: 0, rolled: 0, stated: 0, ownNoRoll: 0, pairsNoRoll: 0, turns: 0, ms: [] };
  for (let g = 0; g < games; g++) playGame(r.value, `${seed}-${r.value.id}-${g}`, t);
  if (t.own < 0.9 * t.pairs) failed = true;
  console.log(`| ${r.value.id} | ${t.pairs} | ${pct(t.own, t.pairs)} | ${pct(t.all, t.pairs)} | ${pct(t.rolled, t.pairs)} | ${pct(t.ownNoRoll, t.pairsNoRoll)} | ${pct(t.stated, t.pairs)} | ${quantile(t.ms, 0.5).toFixed(2)} / ${quantile(t.ms, 0.95).toFixed(2)} |`);
}
if (failed) {
  console.log('Below the 90% target.');
  process.exitCode = 1;
}
