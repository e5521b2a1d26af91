// The events ahead (issue 10, item 4): every event's window, conditions and chance are
// visible before it fires, in words, without revealing another power's secret track.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Condition, EventOutlook, GameState, ScenarioInput } from '../../src/engine';
import { eventOutlook, loadScenario, newGame, resolveTurn, viewFor } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { start } from './helpers';

const ASSUMED = { kind: 'assumption', reason: 'A test needs it.' } as const;
const NUDGE = [{ type: 'stability', country: 'alpha', delta: 1 }] as const;

type EventInput = NonNullable<ScenarioInput['events']>[number];
const event = (id: string, trigger: EventInput['trigger'], extra: Partial<EventInput> = {}): EventInput => ({ id, title: `Event ${id}`, text: 'It happens.', basis: ASSUMED, trigger, effects: [...NUDGE], ...extra });
// The scenario checks want every flag both set and read by something: this event does both.
const flagUser = (flag: string): EventInput => event(`uses-${flag}`, { all: [{ type: 'flag', flag, is: true }] }, { effects: [{ type: 'flag', flag, value: true }] });

// Mini's turns fall in 2020-01, 2020-04, 2020-07, 2020-10, 2021-01 … 2022-04 (turn 10); its what-if runs 4 turns more.
const s = mini((x) => {
  x.whatIf = { turns: 4, note: 'Imagined.' };
  x.events = [
    event('open', {}),
    event('later', { from: '2020-07', to: '2020-12' }),
    event('once', { from: '2020-01' }),
    event('passed', { to: '2020-03' }),
    event('between-turns', { from: '2020-05', to: '2020-06' }),
    event('what-if-only', { from: '2022-10' }),
    event('again', { chancePct: 40 }, { repeatable: true }),
    event('unmet', { chancePct: 60, all: [{ type: 'stability', country: 'alpha', atLeast: 80 }] }),
  ];
});

const byId = (list: EventOutlook[], id: string): EventOutlook => {
  const found = list.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};

describe('event outlook: status', () => {
  // The state is moved to `turn` by hand, so its draws are set by hand too: `hit` for the row's event (none: no draw).
  const atTurn = (turn: number, edit?: (st: GameState) => void): EventOutlook[] =>
    eventOutlook(s, start(s, (st) => {
      st.turn = turn;
      st.eventDraws = [];
      edit?.(st);
    }));

  it.each([
    ['open', 1, null, { kind: 'possible', draw: null, firesThisTurnPct: 100, turnsLeft: 10, conditions: [] }],
    ['later', 1, null, { kind: 'upcoming', opensInTurns: 2, opensOn: '2020-07', conditions: [] }],
    ['later', 3, null, { kind: 'possible', draw: null, firesThisTurnPct: 100, turnsLeft: 2 }],
    ['later', 5, null, { kind: 'over', why: 'window-passed' }],
    ['passed', 2, null, { kind: 'over', why: 'window-passed' }],
    // The window lies between two turns' months: no turn can draw it.
    ['between-turns', 1, null, { kind: 'over', why: 'window-passed' }],
    // Its window is only in the what-if continuation, which this game does not play.
    ['what-if-only', 1, null, { kind: 'over', why: 'after-last-turn' }],
    // This turn shows the draw, not the chance: a hit fires (conditions holding), a miss does not.
    ['again', 4, true, { kind: 'possible', draw: 'hit', firesThisTurnPct: 100, turnsLeft: 7 }],
    ['again', 4, false, { kind: 'possible', draw: 'miss', firesThisTurnPct: 0, turnsLeft: 7 }],
    ['unmet', 1, true, { kind: 'possible', draw: 'hit', firesThisTurnPct: 0 }],
    ['unmet', 1, false, { kind: 'possible', draw: 'miss', firesThisTurnPct: 0 }],
  ] as const)('%s at turn %i, drawn a hit: %s', (id, turn, hit, status) => {
    const list = atTurn(turn, (st) => {
      if (hit !== null) st.eventDraws = [{ id, drawn: hit ? 0 : 99, hit }];
    });
    expect(byId(list, id).status).toMatchObject(status);
  });

  it('an event below 100% with no draw in the state is a miss: it cannot fire by chance', () => {
    expect(byId(atTurn(4), 'again').status).toMatchObject({ kind: 'possible', draw: 'miss', firesThisTurnPct: 0 });
  });

  it('a one-off event that fired is fired, with nothing more to say; a repeatable one stays possible', () => {
    const list = atTurn(2, (st) => {
      st.fired = ['once', 'again'];
    });
    expect(byId(list, 'once').status).toEqual({ kind: 'fired' });
    expect(byId(list, 'again').status.kind).toBe('possible');
  });

  it('the what-if continuation brings a late window into the game', () => {
    const r = newGame(s, 'w', { whatIf: true });
    if (!r.ok) throw new Error(r.error);
    expect(byId(eventOutlook(s, r.value), 'what-if-only').status).toMatchObject({ kind: 'upcoming', opensInTurns: 11, opensOn: '2022-10' });
  });

  it('once the game is over nothing is possible or upcoming', () => {
    const list = atTurn(10, (st) => {
      st.phase = { kind: 'over', winner: null, reason: 'test' };
    });
    expect(list.map((e) => e.status.kind)).toEqual(list.map(() => 'over'));
  });

  it('lists every event in scenario order with its window, chance, basis and repeatability', () => {
    const list = atTurn(1);
    expect(list.map((e) => e.id)).toEqual(s.events.map((e) => e.id));
    expect(byId(list, 'later')).toMatchObject({ title: 'Event later', basis: 'assumption', window: { from: '2020-07', to: '2020-12' }, chancePct: 100, repeatable: false });
    expect(byId(list, 'open').window).toEqual({ from: null, to: null });
    expect(byId(list, 'again')).toMatchObject({ chancePct: 40, repeatable: true });
  });
});

describe('event outlook: conditions in words', () => {
  const withCondition = (c: Condition) =>
    mini((x) => {
      x.projects?.push({ id: 'port', name: 'Dry port', kind: 'road', summary: 'A port.', sponsors: ['north'], cost: 5, buildTurns: 1, route: ['a-city'], basis: ASSUMED });
      x.events = [event('e', { all: [c], chancePct: 70 }), flagUser('summit-held')];
    });
  const rows: [string, Condition, (st: GameState) => void, { text: string; now: string; holds: boolean }][] = [
    ['track', { type: 'track', power: 'north', track: 'drain', atLeast: 2 }, () => undefined, { text: "North's Drain is at least 2", now: '2', holds: true }],
    ['track, between', { type: 'track', power: 'north', track: 'drain', atLeast: 3, atMost: 4 }, () => undefined, { text: "North's Drain is between 3 and 4", now: '2', holds: false }],
    ['influence', { type: 'influence', country: 'alpha', power: 'south', atMost: 25 }, () => undefined, { text: "South's influence in Alpha is at most 25", now: '30', holds: false }],
    ['stability', { type: 'stability', country: 'beta', atMost: 55 }, () => undefined, { text: "Beta's stability is at most 55", now: '50', holds: true }],
    ['dependence', { type: 'dependence', axis: 'security', country: 'alpha', power: 'north', atLeast: 10 }, (st) => void (st.countries.alpha!.dependence.security.north = 12), { text: "Alpha's security dependence on North is at least 10", now: '12', holds: true }],
    ['leads, nobody', { type: 'leads', country: 'alpha', power: 'north' }, () => undefined, { text: 'North controls Alpha', now: 'nobody controls it', holds: false }],
    ['leads, the other', { type: 'leads', country: 'alpha', power: 'north' }, (st) => void (st.countries.alpha!.influence.south = 60), { text: 'North controls Alpha', now: 'South controls it', holds: false }],
    ['leads, held', { type: 'leads', country: 'alpha', power: 'south' }, (st) => void (st.countries.alpha!.influence.south = 60), { text: 'South controls Alpha', now: 'South controls it', holds: true }],
    ['project built', { type: 'project', project: 'port', status: 'built' }, (st) => void (st.projects.port = { status: 'built', owner: 'north' }), { text: 'Dry port is built', now: 'built by North', holds: true }],
    ['project building', { type: 'project', project: 'port', status: 'building' }, () => undefined, { text: 'Dry port is being built', now: 'not started', holds: false }],
    ['flag set', { type: 'flag', flag: 'summit-held', is: true }, () => undefined, { text: 'the flag “summit held” is set', now: 'not set', holds: false }],
    ['flag clear', { type: 'flag', flag: 'summit-held', is: false }, () => undefined, { text: 'the flag “summit held” is not set', now: 'not set', holds: true }],
  ];
  it.each(rows)('%s', (_name, c, edit, expected) => {
    const sc = withCondition(c);
    for (const hit of [true, false]) {
      const status = eventOutlook(sc, start(sc, (st) => {
        edit(st);
        st.eventDraws = [{ id: 'e', drawn: hit ? 3 : 97, hit }];
      }))[0]?.status;
      if (status?.kind !== 'possible') throw new Error('expected a possible event');
      expect(status.conditions).toEqual([expected]);
      expect(status.firesThisTurnPct).toBe(hit && expected.holds ? 100 : 0);
    }
  });

  it('uses the names of the shipped scenario', () => {
    const sc = loadScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/classroom-short.json'), 'utf8')));
    if (!sc.ok) throw new Error('classroom-short does not load');
    const texts = eventOutlook(sc.value, start(sc.value)).flatMap((e) => (e.status.kind === 'possible' || e.status.kind === 'upcoming' ? e.status.conditions.map((c) => c.text) : []));
    expect(texts).toEqual(expect.arrayContaining(["Moscow's influence in Kazakhstan is at least 55", "Kazakhstan's stability is at most 55", "Moscow's Sanctions pressure is at least 5", 'the flag “xian declaration” is set']));
  });
});

describe('event outlook: effects in words', () => {
  it.each([
    [{ type: 'influence', country: 'alpha', power: 'north', delta: 3 }, "North's influence in Alpha rises by 3"],
    [{ type: 'stability', country: 'beta', delta: -2 }, "Beta's stability falls by 2"],
    [{ type: 'dependence', axis: 'economic', country: 'beta', power: 'south', delta: 5 }, "Beta's economic dependence on South rises by 5"],
    [{ type: 'budget', power: 'south', delta: 4 }, "South's budget rises by 4"],
    [{ type: 'income', power: 'north', delta: -1 }, "North's income falls by 1 a turn"],
    [{ type: 'track', power: 'north', track: 'drain', delta: 1 }, "North's Drain rises by 1"],
    [{ type: 'flag', flag: 'summit-held', value: true }, 'the flag “summit held” is set'],
    [{ type: 'flag', flag: 'summit-held', value: false }, 'the flag “summit held” is cleared'],
    [{ type: 'points', power: 'south', delta: 2 }, 'South gains 2 points'],
    [{ type: 'points', power: 'south', delta: -1 }, 'South loses 1 point'],
  ] as const)('%j', (effect, words) => {
    const sc = mini((x) => {
      x.events = [event('e', {}, { effects: [effect] }), flagUser('summit-held')];
    });
    expect(eventOutlook(sc, start(sc))[0]?.effects).toEqual([words]);
  });
});

describe('event outlook: secrets', () => {
  // South's Heat is secret; the event needs it at 5 or more.
  const sc = mini((x) => {
    const heat = x.powers[1]?.tracks?.[0];
    if (heat) heat.secret = true;
    x.events = [
      event('hot', { all: [{ type: 'track', power: 'south', track: 'heat', atLeast: 5 }], chancePct: 45 }),
      event('hot-and-unmet', { all: [{ type: 'track', power: 'south', track: 'heat', atLeast: 5 }, { type: 'stability', country: 'alpha', atLeast: 90 }], chancePct: 45 }),
    ];
  });
  const drawn = (hit: boolean): GameState =>
    start(sc, (x) => {
      x.powers.south!.tracks.heat = 7;
      x.eventDraws = ['hot', 'hot-and-unmet'].map((id) => ({ id, drawn: hit ? 10 : 90, hit }));
    });
  const st = drawn(true);
  const hidden = { text: "South's Heat is at least 5", now: 'a hidden value', holds: null };
  const shown = { text: "South's Heat is at least 5", now: '7', holds: true };
  const conditionsOf = (list: EventOutlook[], id: string) => {
    const status = byId(list, id).status;
    return status.kind === 'possible' ? status : null;
  };

  it.each([
    ['north, from the whole state', () => eventOutlook(sc, st, 'north'), hidden, null],
    ['north, from its view', () => eventOutlook(sc, viewFor(sc, st, 'north')), hidden, null],
    ['nobody in particular (the public outlook)', () => eventOutlook(sc, st), hidden, null],
    ['south, from the whole state', () => eventOutlook(sc, st, 'south'), shown, 100],
    ['south, from its view', () => eventOutlook(sc, viewFor(sc, st, 'south')), shown, 100],
  ] as const)('as seen by %s', (_who, outlook, condition, pct) => {
    const list = outlook();
    expect(conditionsOf(list, 'hot')).toMatchObject({ conditions: [condition], firesThisTurnPct: pct });
    // A visible condition that fails settles it without the hidden value.
    expect(conditionsOf(list, 'hot-and-unmet')?.firesThisTurnPct).toBe(0);
    if (condition.holds === null) expect(JSON.stringify(list)).not.toMatch(/"now":"7"|"holds":true/);
  });

  it('the draw is public and reveals nothing hidden: a hit still says "cannot be known" to the rival, a miss settles it for everyone', () => {
    for (const viewer of ['north', 'south']) {
      const hit = byId(eventOutlook(sc, viewFor(sc, st, viewer)), 'hot').status;
      expect(hit).toMatchObject({ kind: 'possible', draw: 'hit', firesThisTurnPct: viewer === 'south' ? 100 : null });
      const miss = byId(eventOutlook(sc, viewFor(sc, drawn(false), viewer)), 'hot').status;
      expect(miss).toMatchObject({ kind: 'possible', draw: 'miss', firesThisTurnPct: 0, conditions: [viewer === 'south' ? shown : hidden] });
    }
    // Both powers' views carry the same draws.
    expect(viewFor(sc, st, 'north').eventDraws).toEqual(viewFor(sc, st, 'south').eventDraws);
  });
});

describe('event outlook: a power’s view and ids from data', () => {
  it('a view gives the same outlook as the whole state when nothing is secret', () => {
    const st = start(s, (x) => void (x.turn = 3));
    expect(eventOutlook(s, viewFor(s, st, 'north'))).toEqual(eventOutlook(s, st, 'north'));
  });

  it('ids such as "constructor" are just names, also in a state that crossed JSON', () => {
    const sc = mini((x) => {
      const text = JSON.stringify(x).replaceAll('"beta"', '"constructor"').replaceAll('"drain"', '"constructor"').replaceAll('"id":"rail"', '"id":"constructor"');
      Object.assign(x, JSON.parse(text) as ScenarioInput);
      x.events = [
        event('e', {
          all: [
            { type: 'stability', country: 'constructor', atMost: 50 },
            { type: 'track', power: 'north', track: 'constructor', atLeast: 2 },
            { type: 'project', project: 'constructor', status: 'available' },
            { type: 'flag', flag: 'constructor', is: false },
            { type: 'influence', country: 'constructor', power: 'south', atLeast: 20 },
          ],
        }, { effects: [{ type: 'track', power: 'north', track: 'constructor', delta: 1 }, { type: 'influence', country: 'constructor', power: 'north', delta: 1 }] }),
      ];
    });
    const st = start(sc);
    for (const state of [st, JSON.parse(JSON.stringify(viewFor(sc, st, 'north'))) as GameState]) {
      const [e] = eventOutlook(sc, state, 'north');
      expect(e?.status).toEqual({
        kind: 'possible',
        draw: null,
        firesThisTurnPct: 100,
        turnsLeft: 10,
        conditions: [
          { text: "Beta's stability is at most 50", now: '50', holds: true },
          { text: "North's Drain is at least 2", now: '2', holds: true },
          { text: 'Rail is not started', now: 'not started', holds: true },
          { text: 'the flag “constructor” is not set', now: 'not set', holds: true },
          { text: "South's influence in Beta is at least 20", now: '20', holds: true },
        ],
      });
      expect(e?.effects).toEqual(["North's Drain rises by 1", "North's influence in Beta rises by 1"]);
    }
  });
});

describe('event outlook against the rules: shipped scenarios played out', () => {
  const dir = join(__dirname, '../../scenarios');
  it.each(['samarkand-2022', 'xian-2023', 'astana-2024', 'classroom-short'])('%s: an event fires only in a turn the outlook called possible', (id) => {
    const sc = loadScenario(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
    if (!sc.ok) throw new Error(`${id} does not load`);
    const g = newGame(sc.value, 'outlook', { whatIf: sc.value.whatIf !== undefined });
    if (!g.ok) throw new Error(g.error);
    let state = g.value;
    let fired = 0;
    while (state.phase.kind === 'playing') {
      const before = eventOutlook(sc.value, viewFor(sc.value, state, sc.value.powers[0]?.id ?? ''));
      const r = resolveTurn(sc.value, state, {});
      if (!r.ok) throw new Error(r.error.message);
      for (const e of r.value.report.events) {
        expect(byId(before, e.id).status.kind).toBe('possible');
        fired++;
      }
      // A sure thing with no conditions (which the turn's own changes could break first) fires that turn.
      const drawn = new Set(r.value.report.events.map((e) => e.id));
      for (const e of before) if (e.status.kind === 'possible' && e.status.conditions.length === 0 && e.chancePct === 100) expect(drawn.has(e.id)).toBe(true);
      // The outlook's draw is the rule's: a miss never fires, and a hit with no conditions does.
      for (const e of before) if (e.status.kind === 'possible' && e.status.draw !== null && e.status.conditions.length === 0) expect(drawn.has(e.id)).toBe(e.status.draw === 'hit');
      state = r.value.state;
    }
    expect(fired).toBeGreaterThan(0);
  });
});
