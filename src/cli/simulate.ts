import { writeFileSync } from 'node:fs';
import type { RepublicChoice, Scenario, TurnReport } from '../engine';
import { idRecord, orderLabel, indexScenario, own, saveToJson, stateHash } from '../engine';
import { parsePlayer } from '../ai/player';
import type { Player } from '../ai/player';
import { playMatch } from '../ai/match';
import type { RepublicPlayer } from '../ai/republic';
import { parseRepublicPlayer } from '../ai/republic';
import { InputError } from './errors';
import { checkSavePath, fsReason, userPath } from './files';
import type { LineWriter } from './terminal';

export interface SimulateOptions {
  scenario: Scenario;
  seed: string;
  /** Power id → player name, every power of the scenario (players.ts). */
  players: Record<string, string>;
  /** Contested country id → republic player name (players.ts); a country left out takes the engine's rule of thumb. */
  republics?: Record<string, string>;
  turns?: number;
  json: boolean;
  save?: string;
}

const stanceLabel = (c: RepublicChoice): string => (c.kind === 'lean' ? `lean to ${c.power}` : c.kind);

function turnLines(scenario: Scenario, r: TurnReport, stances: boolean): string[] {
  const ix = indexScenario(scenario);
  const orders = scenario.powers.map((p) => `${p.name}: ${(own(r.orders, p.id) ?? []).map((o) => orderLabel(ix, o)).join(', ') || 'pass'}`).join(' | ');
  const lines = [`Turn ${r.turn} (${r.date}) ${orders}`];
  if (r.events.length > 0) lines.push(`    events: ${r.events.map((e) => e.title).join('; ')}`);
  for (const roll of r.rolls.filter((x) => x.hit && !x.what.startsWith('Event:'))) lines.push(`    risk struck (${roll.chancePct}%): ${roll.what}`);
  for (const note of r.notes) lines.push(`    ${note}`);
  // With republic players the stances are part of the game, so they are listed (without, the engine's rule of thumb took them).
  if (stances) lines.push(`    stances: ${r.republics.map((s) => `${s.country} ${stanceLabel(s.choice)}`).join(', ')}`);
  const points = scenario.powers.map((p) => `${p.name} ${r.changes.filter((c) => c.path === `powers.${p.id}.points`).reduce((sum, c) => sum + Number(c.to) - Number(c.from), 0)}`).join(', ');
  lines.push(`    points this turn: ${points}`);
  return lines;
}

export function simulate(o: SimulateOptions, out: LineWriter): number {
  const players = idRecord<Player>();
  for (const [power, name] of Object.entries(o.players)) {
    const r = parsePlayer(name);
    if (r.ok) players[power] = r.value;
  }
  const republics = idRecord<RepublicPlayer>();
  for (const [country, name] of Object.entries(o.republics ?? {})) {
    const r = parseRepublicPlayer(name);
    if (r.ok) republics[country] = r.value;
  }
  const named = Object.entries(o.republics ?? {});
  // Found out before the game, not after it.
  if (o.save !== undefined) checkSavePath(o.save);
  const m = playMatch(o.scenario, o.seed, players, o.turns === undefined ? {} : { turns: o.turns }, true, republics);
  const hash = stateHash(m.record.state);
  if (o.save !== undefined) {
    try {
      writeFileSync(userPath(o.save), saveToJson(m.record));
    } catch (e) {
      throw new InputError(`${o.save}: cannot write the save (${fsReason(e)})`);
    }
  }
  const reason = m.record.state.phase.kind === 'over' ? m.record.state.phase.reason : '';
  if (o.json) {
    out(JSON.stringify({ scenario: o.scenario.id, seed: o.seed, players: o.players, ...(named.length > 0 ? { republics: o.republics } : {}), turns: m.record.turns.length, winner: m.winner, reason, scores: m.scores, stateHash: hash }));
    return 0;
  }
  out(`${o.scenario.title} — seed ${JSON.stringify(o.seed)} — ${Object.entries(o.players).map(([p, n]) => `${p}: ${n}`).join(', ')}${named.length > 0 ? `; republics: ${named.map(([c, n]) => `${c}: ${n}`).join(', ')}` : ''}`);
  for (const r of m.reports) for (const line of turnLines(o.scenario, r, named.length > 0)) out(line);
  out(`Result: ${reason}`);
  out(`Scores: ${Object.entries(m.scores).map(([p, s]) => `${p} ${s}`).join(', ')}`);
  out(`State hash: ${hash}${o.save !== undefined ? ` (saved to ${o.save})` : ''}`);
  return 0;
}
