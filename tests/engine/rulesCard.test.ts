// The rules card (issue 11, item 1) is built from the scenario's own numbers: a custom
// scenario gets a correct card, and the card follows the engine's control margins.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { controlMargin, countryWorths, rulesCard } from '../../src/engine';
import { SHIPPED, loadShipped as load } from './helpers';

const text = (s: Scenario): string => rulesCard(s).flatMap((x) => [x.heading, ...x.lines]).join('\n');

describe('rules card', () => {
  it.each(SHIPPED)('%s: every contested country with its worth and the engine’s control margin', (f) => {
    const s = load(f);
    const card = rulesCard(s);
    const countries = card.find((x) => x.id === 'countries');
    const contested = s.countries.filter((c) => c.role === 'contested');
    expect(countries?.lines).toHaveLength(contested.length);
    for (const c of contested) {
      const line = countries?.lines.find((l) => l.startsWith(`${c.name}:`));
      expect(line, c.id).toContain(`worth ${c.importance} point`);
      expect(line, c.id).toContain(`lead it by ${controlMargin(s, c.id)} or more`);
    }
    const t = text(s);
    expect(t).toContain(`${s.turns} turns`);
    for (const m of s.victory.summits) expect(t).toContain(`Turn ${m.turn}: ${m.name} — that turn's scoring counts ×${m.weight}`);
    for (const p of s.powers) expect(t).toContain(`${p.name} starts with ${p.startBudget} and gains ${p.income} a turn`);
    for (const tr of s.powers.flatMap((p) => p.tracks)) expect(t).toContain(tr.name);
  });

  it("says what a track that drains income leaves of it: Moscow's 15 a turn is 12 while its War drain is at 3", () => {
    const t = text(load('samarkand-2022'));
    expect(t).toContain('Moscow starts with 14 and gains 15 a turn, less 1 for each point of its War drain (War drain 3 at the start: 12 a turn).');
    // A power with no such track has its income alone.
    expect(t).toContain('Beijing starts with 32 and gains 18 a turn;');
    // The track's own line: a minus sign, not a hyphen (found by a newcomer's playtest).
    expect(t).toContain('each point changes income by −1 a turn');
    expect(t).not.toContain('by -1');
  });

  it("names an organisation's summit's members, which alone count several times over", () => {
    const s = load('astana-2024');
    const changed: Scenario = { ...s, victory: { ...s.victory, summits: [{ turn: 7, name: 'SCO summit, Astana', weight: 3, organisation: 'sco', basis: { kind: 'assumption', reason: 'test' } }] } };
    expect(text(changed)).toContain("Turn 7: SCO summit, Astana — that turn's scoring counts ×3 in the members of the Shanghai Cooperation Organisation (Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan); elsewhere ×1.");
  });

  it('follows the scenario’s numbers, not fixed text', () => {
    const s = load('samarkand-2022');
    const changed: Scenario = {
      ...s,
      turns: 9,
      rules: { ...s.rules, maxOrdersPerTurn: 4, tiesDivisor: 40, neglect: 2, balancingMargin: 30, unrestBelow: 15 },
      victory: { ...s.victory, leadMargin: 6, leadPoints: 0, summits: [], suddenDeath: { fromTurn: 4, countries: 3 } },
    };
    const t = text(changed);
    expect(t).toContain('9 turns');
    expect(t).toContain('up to 4 orders');
    expect(t).toContain('÷ 40');
    expect(t).toContain('you lose 2 influence');
    expect(t).toContain('above 30');
    expect(t).toContain('stability 15');
    expect(t).toContain('nothing if it leads by less');
    expect(t).toContain('from turn 4, a power that alone controls 3 countries');
    expect(t).not.toContain('×3');
    for (const w of countryWorths(changed)) expect(w.controlMargin).toBe(controlMargin(changed, w.country));
    expect(countryWorths(changed).find((w) => w.country === 'uzbekistan')?.controlMargin).toBe(6 + 3);
  });
});
