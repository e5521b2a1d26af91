// A republic's stance in the turn report gives the rule of thumb's reason, and the report is
// read after the turn: a reason that held as the turn began must say so, or it contradicts
// the report's own country lines ("Moscow leads it, short of control" beside "Moscow
// controls it"). The preview, read before the turn, keeps the present tense.
import { describe, expect, it } from 'vitest';
import type { StanceReason } from '../../src/engine';
import { controlMargin, controller, describeStanceReason, indexScenario, legalOrders, ruleOfThumbChoice } from '../../src/engine';
import { loadShipped, start, turn } from './helpers';

const s = loadShipped('samarkand-2022');
const ix = indexScenario(s);

describe('a stance reason in words', () => {
  const table: [StanceReason, string, string][] = [
    [{ kind: 'controlled', power: 'moscow' }, 'Moscow controls it, and a controlled republic plays its patrons off each other', 'Moscow controlled it as the turn began, and a controlled republic plays its patrons off each other'],
    [{ kind: 'unstable', stability: 30 }, 'stability 30 is below 35', 'its stability was 30 as the turn began, below 35'],
    [{ kind: 'best-offer', power: 'beijing', offer: 9, next: 2 }, 'Beijing offers the most this turn: orders worth 9 influence against 2', 'Beijing offered the most this turn: orders worth 9 influence against 2'],
    [{ kind: 'no-clear-offer' }, 'no patron offers clearly more', 'no patron offered clearly more'],
    [{ kind: 'not-contested' }, 'not a contested country', 'not a contested country'],
  ];
  it.each(table)('%o: before the turn "%s", after it "%s"', (reason, ahead, back) => {
    expect(describeStanceReason(ix, reason, 'ahead')).toBe(ahead);
    expect(describeStanceReason(ix, reason, 'back')).toBe(back);
  });
});

describe('the turn report on a republic that hedged because a patron controlled it', () => {
  it('says the patron controlled it as the turn began, even when the turn took control away', () => {
    // Moscow controls Kyrgyzstan by exactly its margin as the turn begins; Beijing's orders there take the control away.
    const st = start(s, (g) => {
      const k = g.countries.kyrgyzstan;
      if (!k) throw new Error('no Kyrgyzstan');
      k.stability = 60;
      k.influence.beijing = 20;
      k.influence.moscow = 20 + controlMargin(s, 'kyrgyzstan');
    });
    expect(controller(s, st, 'kyrgyzstan')).toBe('moscow');
    expect(ruleOfThumbChoice(s, st, 'kyrgyzstan', {}).why).toEqual({ kind: 'controlled', power: 'moscow' });
    const there = legalOrders(s, st, 'beijing')
      .map((o) => o.order)
      .filter((o) => o.type !== 'project' && o.country === 'kyrgyzstan')
      .slice(0, s.rules.maxOrdersPerTurn);
    const r = turn(s, st, { beijing: there });
    const line = r.report.republics.find((x) => x.country === 'kyrgyzstan')?.text;
    expect(line).toBe('Kyrgyzstan plays its patrons off each other (Moscow controlled it as the turn began, and a controlled republic plays its patrons off each other)');
    expect(controller(s, r.state, 'kyrgyzstan')).not.toBe('moscow');
  });
});
