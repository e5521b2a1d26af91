// The rules card: how to play *this* scenario, in words, built from its own numbers
// (turns, orders a turn, incomes, each country's worth and control margin, summits,
// the every-turn rules). It lives in the engine, beside the rules it describes, so a
// custom scenario gets a correct card and a rule change cannot leave the card behind
// (tests/engine/rulesCard.test.ts checks the numbers against the engine's own).
import type { Scenario, Summit } from './schema';
import { organisationName, summitCounts } from './phases/scoring';
import { controlMargin } from './leadership';
import { CRACKDOWN_BELOW, CRACKDOWN_STABILITY, LEAN_GAIN, STANCE_PCT } from './republics';
import { MAX_BID } from './order';
import { counted, signed } from './words';

export interface RulesSection {
  /** Stable id for keys and links ("win", "countries", …). */
  id: string;
  heading: string;
  lines: string[];
}

/** One contested country's worth, as its panel and the card show it. */
export interface CountryWorth {
  country: string;
  name: string;
  /** Points a turn for controlling it. */
  importance: number;
  /** Lead needed to control it. */
  controlMargin: number;
  /** Points a turn for leading it short of control. */
  leadPoints: number;
}

export function countryWorths(scenario: Scenario): CountryWorth[] {
  const out: CountryWorth[] = [];
  for (const c of scenario.countries) {
    if (c.role !== 'contested') continue;
    out.push({ country: c.id, name: c.name, importance: c.importance, controlMargin: controlMargin(scenario, c.id), leadPoints: scenario.victory.leadPoints });
  }
  return out;
}

/** "Worth 3 a turn if you lead it by 13 or more; 1 if you lead it by less." */
export function describeWorth(w: CountryWorth): string {
  const lead = w.leadPoints > 0 ? `; ${w.leadPoints} if you lead it by less` : '; nothing if you lead it by less';
  return `worth ${w.importance} point${w.importance === 1 ? '' : 's'} a turn if you lead it by ${w.controlMargin} or more (control)${lead}`;
}

/** Where an organisation's summit counts: its members only (a country outside it scores ×1). */
function summitScope(scenario: Scenario, m: Summit): string {
  if (m.organisation === undefined) return '';
  const members = scenario.countries.filter((c) => summitCounts(scenario, m, c.id)).map((c) => c.name);
  const org = organisationName(scenario, m);
  return members.length > 0 ? ` in the members of the ${org} (${members.join(', ')}); elsewhere ×1` : `, but no contested country is in the ${org}`;
}


export function rulesCard(scenario: Scenario): RulesSection[] {
  const { rules, victory } = scenario;
  const powers = scenario.powers.map((p) => p.name);
  const sections: RulesSection[] = [];

  const win: string[] = [
    `${counted(scenario.turns, 'turn')}, ${scenario.monthsPerTurn} month${scenario.monthsPerTurn === 1 ? '' : 's'} each. After the last turn the power with the most points wins; equal points go to whoever controls more countries, else it is a draw.`,
    `At the end of every turn each contested country scores for one power: its worth if that power controls it (leads the runner-up by the country's control margin), ${victory.leadPoints > 0 ? `${counted(victory.leadPoints, 'point')} if it leads by less` : 'nothing if it leads by less'}.`,
  ];
  for (const m of [...victory.summits].sort((a, b) => a.turn - b.turn)) {
    win.push(`Turn ${m.turn}: ${m.name} — that turn's scoring counts ×${m.weight}${summitScope(scenario, m)}.`);
  }
  if (victory.suddenDeath) {
    win.push(`Sudden death: from turn ${victory.suddenDeath.fromTurn}, a power that alone controls ${counted(victory.suddenDeath.countries, 'country', 'countries')} at the end of a turn wins at once.`);
  }
  sections.push({ id: 'win', heading: 'What wins', lines: win });

  sections.push({
    id: 'countries',
    heading: 'What each country is worth',
    lines: countryWorths(scenario).map((w) => `${w.name}: ${describeWorth(w)}.`),
  });

  const turn: string[] = [
    `Each turn every power gives up to ${counted(rules.maxOrdersPerTurn, 'order')} in secret, paid from its budget; orders land at the same time.`,
    `Budget left over carries over whole — nothing is lost. ${scenario.powers.map(incomeLine).join('; ')}.`,
    `A project both powers order is a tender: the higher offer (cost plus a sealed bid of up to ${MAX_BID}) wins; the loser gets its money back.`,
  ];
  sections.push({ id: 'turn', heading: 'Your turn', lines: turn });

  const shares: string[] = [
    `Influence is a share of a country's attention: the powers' shares add up to at most 100. Once a country is full, every point you gain comes out of your rivals' shares.`,
    `Ties (economic plus security dependence) pay influence every turn: their total ÷ ${rules.tiesDivisor}.`,
    `Neglect: in a country where you give no order you lose ${rules.neglect} influence and ${rules.dependenceFades} of each tie a turn.`,
    `Balancing: a lead above ${rules.balancingMargin} bleeds to the runner-up, the faster the more the country values its sovereignty.`,
    `Unrest: a country below stability ${rules.unrestBelow} halts every project running through it.`,
  ];
  sections.push({ id: 'shares', heading: 'How influence moves, and how a lead is lost', lines: shares });

  sections.push({
    id: 'republics',
    heading: 'The republics answer',
    lines: [
      `Each republic sees the orders aimed at it and takes a stance: hedge (the leader's orders land ${STANCE_PCT}% softer, the runner-up's ${STANCE_PCT}% harder), lean to the patron that offered more (its orders land ${STANCE_PCT}% harder and it gains ${LEAN_GAIN}; the others' land softer) or crack down (stability +${CRACKDOWN_STABILITY}; security deals land harder, investment softer).`,
      `Unless a player takes the role, a republic cracks down below stability ${CRACKDOWN_BELOW}, hedges when a patron controls it, leans to a clearly better offer, and otherwise hedges.`,
    ],
  });

  const tracks = scenario.powers.flatMap((p) => p.tracks.map((t) => `${p.name} — ${t.name} (${t.min}–${t.max}, starts at ${t.initial}${t.secret ? ', secret: the others never see its value' : ''}${t.incomePerPoint !== 0 ? `; each point changes income by ${signed(t.incomePerPoint)} a turn` : ''}): ${t.description}`));
  if (tracks.length > 0) sections.push({ id: 'tracks', heading: 'Tracks', lines: tracks });

  sections.push({
    id: 'events',
    heading: 'Events',
    lines: [`${counted(scenario.events.length, 'event')} can happen, as the reporting describes. Each turn's chances are drawn as the turn opens, before any order: the Events ahead panel shows each one's dates, conditions and chance, and for this turn whether it was drawn to fire (if its conditions still hold at the end of the turn).`],
  });
  if (powers.length > 2) sections[0]?.lines.push(`Powers: ${powers.join(', ')}.`);
  return sections;
}

/**
 * A power's budget and income, with what its tracks add or drain (as the income phase pays it):
 * "gains 15 a turn" alone read as 15 when Moscow's War drain made it 12.
 */
function incomeLine(p: Scenario['powers'][number]): string {
  const moving = p.tracks.filter((t) => t.incomePerPoint !== 0);
  const base = `${p.name} starts with ${p.startBudget} and gains ${p.income} a turn`;
  if (moving.length === 0) return base;
  const each = moving.map((t) => `${t.incomePerPoint < 0 ? 'less' : 'plus'} ${Math.abs(t.incomePerPoint)} for each point of its ${t.name}`).join(' and ');
  const atStart = Math.max(0, p.income + moving.reduce((sum, t) => sum + t.initial * t.incomePerPoint, 0));
  const points = moving.map((t) => `${t.name} ${t.initial}`).join(', ');
  return `${base}, ${each} (${points} at the start: ${atStart} a turn)`;
}
