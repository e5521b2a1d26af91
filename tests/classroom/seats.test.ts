// How the classroom's screens name seats, from a real room (issue 11's newcomer playtest:
// the projector listed only "Beijing (Beijing): waiting", leaving out Moscow, seated as a
// computer, and a team screen read "Beijing — Beijing").
import { describe, expect, it } from 'vitest';
import type { RoleInfo } from '../../src/classroom/protocol';
import { publicRoom, teamPrivate } from '../../src/classroom/room';
import { answeringNow, budgetLine, ordersInTitle, seatLine, teamCalled, teamHeading } from '../../src/ui/classroom/seats';
import { indexScenario, legalOrders, orderCost, own, startRecord } from '../../src/engine';
import { loadShipped } from '../engine/helpers';
import { FAC, RoomDriver, classroomRoom, team } from './roomDriver';

const scenario = loadShipped('classroom-short');

/** Beijing a team that kept its name, Moscow the computer, Kazakhstan a renamed team, the other republics the rule of thumb. */
function room(): RoomDriver {
  const teamCodes = [...scenario.powers.map((p, i) => ({ role: p.id, code: `TEAM0${i}` })), { role: 'kazakhstan', code: 'KAZAK1' }];
  const d = new RoomDriver(classroomRoom(scenario, 1_000_000, { code: 'SEATS1', teamCodes, seed: 'seats' }));
  d.send(FAC, { t: 'seat', role: 'moscow', seat: { kind: 'computer', player: 'greedy' } });
  d.send(FAC, { t: 'seat', role: 'kazakhstan', seat: { kind: 'team', name: 'Team K' } });
  return d;
}

const role = (roles: readonly RoleInfo[], id: string): RoleInfo => {
  const found = roles.find((x) => x.role === id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
};

describe('the stage list', () => {
  it('names every seat that answers now, the computer as ready, and no team twice', () => {
    const d = room();
    const r = d.room;
    d.send(FAC, { t: 'start' });
    const pub = publicRoom(r, d.clock, new Map(), 'facilitator');
    expect(pub.stage).toBe('orders');
    const lines = answeringNow(pub).map((x) => seatLine(pub, x));
    expect(lines).toEqual(['Beijing: waiting for orders · no device connected', 'Moscow: computer (greedy) — ready, decides when the stage closes']);
  });

  it('in the stance stage lists the republics: a renamed team by its name, the rule of thumb as ready', () => {
    const d = room();
    const r = d.room;
    d.send(FAC, { t: 'start' });
    d.send(team('beijing'), { t: 'submit', orders: [] });
    const pub = publicRoom(r, d.clock, new Map([['kazakhstan', 1]]), 'facilitator');
    expect(pub.stage).toBe('stances');
    const lines = answeringNow(pub).map((x) => seatLine(pub, x));
    expect(lines).toContain('Kazakhstan (Team K): waiting for a stance');
    expect(lines.filter((l) => l.endsWith("the engine's rule of thumb — ready, decides when the stage closes"))).toHaveLength(lines.length - 1);
    expect(lines.some((l) => l.startsWith('Beijing') || l.startsWith('Moscow'))).toBe(false);
  });

  it('on a screen the class reads, names the role only, never which team plays it', () => {
    const d = room();
    const r = d.room;
    d.send(FAC, { t: 'start' });
    d.send(team('beijing'), { t: 'submit', orders: [] });
    // Even the console's own words, on the room the class is sent: it holds no team's name to print.
    for (const [pub, names] of [[publicRoom(r, d.clock, new Map([['kazakhstan', 1]]), 'facilitator'), 'role-names'], [publicRoom(r, d.clock, new Map([['kazakhstan', 1]]), 'class'), 'team-names']] as const) {
      const lines = answeringNow(pub).map((x) => seatLine(pub, x, names));
      expect(lines).toContain('Kazakhstan: waiting for a stance');
      expect(lines.join('\n')).not.toContain('Team K');
    }
  });
});

describe('a computer player', () => {
  it('is named with its strength on the console, and only as "a computer player" on every screen the class reads', () => {
    const d = room();
    const r = d.room;
    d.send(FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'computer', player: 'search' } });
    d.send(FAC, { t: 'start' });
    const console = publicRoom(r, d.clock, new Map(), 'facilitator');
    expect(answeringNow(console).map((x) => seatLine(console, x))).toContain('Moscow: computer (greedy) — ready, decides when the stage closes');
    const forClass = publicRoom(r, d.clock, new Map(), 'class');
    // Not even in what is sent: a student reading the room in the browser's developer tools learns no strength.
    for (const id of ['moscow', 'uzbekistan', 'tajikistan']) expect(role(forClass.roles, id).seat).toEqual({ kind: 'computer', player: null });
    expect(JSON.stringify(forClass)).not.toMatch(/"player":"/);
    expect(answeringNow(forClass).map((x) => seatLine(forClass, x))).toEqual(['Beijing: waiting for orders · no device connected', 'Moscow: a computer player — ready, decides when the stage closes']);
    d.send(team('beijing'), { t: 'submit', orders: [] });
    const stances = publicRoom(r, d.clock, new Map(), 'class');
    expect(answeringNow(stances).map((x) => seatLine(stances, x)).filter((l) => l.startsWith('Uzbekistan') || l.startsWith('Tajikistan'))).toEqual(['Tajikistan: a computer player — ready, decides when the stage closes', 'Uzbekistan: a computer player — ready, decides when the stage closes']);
  });
});

describe('a team’s name', () => {
  it('is not repeated when it is the role’s own', () => {
    const d = room();
    const pub = publicRoom(d.room, d.clock, new Map(), 'facilitator');
    expect(teamHeading(role(pub.roles, 'beijing'))).toBe('Beijing');
    expect(teamCalled(role(pub.roles, 'beijing'))).toBe('Beijing');
    expect(teamHeading(role(pub.roles, 'kazakhstan'))).toBe('Kazakhstan — Team K');
    expect(teamCalled(role(pub.roles, 'kazakhstan'))).toBe('Team K (Kazakhstan)');
  });

  it('heads a team’s own screen though the room it is sent names no team: its own name comes from its private state', () => {
    const d = room();
    const r = d.room;
    const pub = publicRoom(r, d.clock, new Map(), 'class');
    const kazakhstan = role(pub.roles, 'kazakhstan');
    expect(kazakhstan.seat).toEqual({ kind: 'team', name: null });
    expect(teamHeading(kazakhstan)).toBe('Kazakhstan');
    const own = teamPrivate(r, 'kazakhstan').name;
    expect(own).toBe('Team K');
    expect(teamHeading(kazakhstan, own)).toBe('Kazakhstan — Team K');
    expect(teamHeading(role(pub.roles, 'beijing'), teamPrivate(r, 'beijing').name)).toBe('Beijing');
    expect(teamPrivate(r, 'moscow').name).toBeNull();
  });
});

describe('a power team’s turn bar', () => {
  it('says the budget left after the draft, as solo play does', () => {
    const rec = startRecord(scenario, 'seats');
    if (!rec.ok) throw new Error(rec.error);
    const state = rec.value.state;
    const ix = indexScenario(scenario);
    const budget = own(state.powers, 'beijing')?.budget ?? -1;
    expect(budgetLine(state, 'beijing', [], ix)).toBe(`${budget} of ${budget} budget left`);
    const order = legalOrders(scenario, state, 'beijing').find((o) => o.cost > 0)?.order;
    if (!order) throw new Error('no order with a cost');
    expect(budgetLine(state, 'beijing', [order], ix)).toBe(`${budget - orderCost(ix, order)} of ${budget} budget left`);
  });
});

describe('a power team while the republics choose', () => {
  it('is told who gave its orders when it did not submit in time, from what the room sends it', () => {
    // Beijing's team drafts and lets the timer run out; Kazakhstan is a team, so the stance stage opens.
    const d = room();
    d.send(FAC, { t: 'settings', settings: { orderSeconds: 60, stanceSeconds: 30, missing: { kind: 'pass' } } });
    d.send(FAC, { t: 'start' });
    const order = legalOrders(scenario, d.room.record.state, 'beijing').find((o) => o.cost > 0)?.order;
    if (!order) throw new Error('no legal order');
    d.send(team('beijing'), { t: 'draft', orders: [order] });
    d.wait(60_000);
    expect(d.room.stage).toBe('stances');
    const bj = teamPrivate(d.room, 'beijing');
    expect(ordersInTitle(bj.submitted !== null, bj.missed)).toBe('The orders closed before you submitted: your unsent list counts');
    expect(bj.missed?.orders).toEqual([order]);
    expect(ordersInTitle(false, { by: 'computer', orders: [order] })).toBe('The orders closed before you submitted: the computer gave your orders');
    expect(ordersInTitle(false, { by: 'none', orders: [] })).toMatch(/^The orders closed before you submitted: no orders from you this turn/);
    expect(ordersInTitle(true, null)).toBe('Your orders are in');
  });
});
