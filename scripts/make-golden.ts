// Writes the golden replays in tests/fixtures/golden from computer games. Run it only
// when a rule change is meant to change results (`npx tsx scripts/make-golden.ts`), and
// read the diff of the reports before committing: the golden test exists to catch
// changes nobody meant.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeChange, idRecord, loadScenarioText, stateHash } from '../src/engine';
import { parsePlayer } from '../src/ai/player';
import type { Player } from '../src/ai/player';
import { playMatch } from '../src/ai/match';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const games = [
  { name: 'samarkand-greedy', scenario: 'samarkand-2022', seed: 'golden-1', players: { beijing: 'greedy', moscow: 'greedy' } },
  { name: 'classroom-mixed', scenario: 'classroom-short', seed: 'golden-2', players: { beijing: 'random', moscow: 'greedy' } },
];
for (const g of games) {
  const s = loadScenarioText(readFileSync(join(root, 'scenarios', `${g.scenario}.json`), 'utf8'));
  if (!s.ok) throw new Error(`${g.scenario} is invalid`);
  const players = idRecord<Player>();
  for (const [power, name] of Object.entries(g.players)) {
    const p = parsePlayer(name);
    if (!p.ok) throw new Error(p.error);
    players[power] = p.value;
  }
  const m = playMatch(s.value, g.seed, players);
  const golden = {
    scenario: g.scenario,
    seed: g.seed,
    turns: m.record.turns.map((t, i) => ({ orders: t.orders, hash: t.hash, report: i < 2 ? m.reports[i]?.changes.map(describeChange) : undefined, events: m.reports[i]?.events.map((e) => e.id) })),
    finalHash: stateHash(m.record.state),
    result: m.record.state.phase,
  };
  writeFileSync(join(root, 'tests/fixtures/golden', `${g.name}.json`), `${JSON.stringify(golden, null, 1)}\n`);
  process.stdout.write(`${g.name}: ${m.record.turns.length} turns, final ${golden.finalHash}\n`);
}
