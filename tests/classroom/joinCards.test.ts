// The printable join cards' content, from a real room: one card per role a team plays, names
// as renamed, role names and briefings only when the cards are not anonymous, and never the
// facilitator's secret. (tests/e2e/classroom.test.ts prints them to PDF in a browser.)
import { describe, expect, it } from 'vitest';
import type { ClientMessage, Identity } from '../../src/classroom/protocol';
import { applyEntry, createRoom, handleMessage, publicRoom, welcome } from '../../src/classroom/room';
import type { RoomState } from '../../src/classroom/room';
import { cardsPerPage, joinCards, pagesOf, renamedTeams } from '../../src/ui/classroom/joinCards';
import { SAVE_VERSION } from '../../src/engine';
import { loadShipped } from '../engine/helpers';

const scenario = loadShipped('classroom-short');
const SECRET = 'fac-secret-0123456789';
const ORIGIN = 'http://192.168.1.20:8080';
const FAC: Identity = { kind: 'facilitator' };

function room(): RoomState {
  const teamCodes = [...scenario.powers.map((p, i) => ({ role: p.id, code: `TEAM${i}X` })), { role: 'uzbekistan', code: 'UZBEK1' }, { role: 'kazakhstan', code: 'KAZAK1' }];
  return createRoom({ code: 'ROOM42', facilitator: SECRET, teamCodes, scenario, seed: 'cards', settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } }, at: 0, rules: SAVE_VERSION });
}
function seat(r: RoomState, role: string, seat: Extract<ClientMessage, { t: 'seat' }>['seat']): void {
  const got = handleMessage(r, FAC, { id: 1, t: 'seat', role, seat }, 0);
  if (!got.ok) throw new Error(got.error);
  for (const e of got.value) applyEntry(r, e);
}
/** The room and codes as the console has them: from the facilitator's welcome. */
function consoleView(r: RoomState) {
  const w = welcome(r, FAC, 0, new Map());
  if (w.t !== 'welcome' || !w.codes) throw new Error('no codes');
  return { room: publicRoom(r, 0, new Map(), 'facilitator'), teams: w.codes.teams };
}

describe('join cards', () => {
  it('one card per role a team plays, in the room’s order, none for the computer’s roles', () => {
    const r = room();
    seat(r, 'uzbekistan', { kind: 'team', name: 'Uzbekistan' });
    const { room: pub, teams } = consoleView(r);
    const cards = joinCards(pub, scenario, teams, ORIGIN, false);
    expect(cards.map((c) => c.role)).toEqual([...scenario.powers.map((p) => p.id), 'uzbekistan']);
    expect(cards.map((c) => c.code)).toEqual(['TEAM0X', 'TEAM1X', 'UZBEK1']);
    expect(cards[2]?.link).toBe(`${ORIGIN}/?join=UZBEK1`);
    expect(cards[2]?.address).toBe(`${ORIGIN}/?join`);
  });

  it('never carries the facilitator’s secret, though the console that makes them knows it', () => {
    const r = room();
    seat(r, 'kazakhstan', { kind: 'team', name: 'Team 4' });
    const { room: pub, teams } = consoleView(r);
    for (const anonymous of [false, true]) expect(JSON.stringify(joinCards(pub, scenario, teams, ORIGIN, anonymous))).not.toContain(SECRET);
  });

  it('names follow renaming; a card not anonymous gives the role and its briefing', () => {
    const r = room();
    const moscow = scenario.powers[1]!;
    seat(r, moscow.id, { kind: 'team', name: 'The Bears' });
    const { room: pub, teams } = consoleView(r);
    const card = joinCards(pub, scenario, teams, ORIGIN, false).find((c) => c.role === moscow.id);
    expect(card?.team).toBe('The Bears');
    expect(card?.roleName).toBe(moscow.name);
    const briefing = scenario.briefings.find((b) => b.role === moscow.id);
    expect(briefing).toBeDefined();
    expect(card?.briefing?.text).toBe(briefing?.text);
  });

  it('anonymous cards give neither the role nor its briefing; a renamed team makes them anonymous by default', () => {
    const r = room();
    expect(renamedTeams(consoleView(r).room)).toBe(false);
    seat(r, scenario.powers[0]!.id, { kind: 'team', name: 'Team 1' });
    const { room: pub, teams } = consoleView(r);
    expect(renamedTeams(pub)).toBe(true);
    const cards = joinCards(pub, scenario, teams, ORIGIN, true);
    expect(cards.map((c) => [c.team, c.roleName, c.briefing])).toEqual([
      ['Team 1', null, null],
      [scenario.powers[1]!.name, null, null],
    ]);
    const text = JSON.stringify(cards);
    for (const b of scenario.briefings) expect(text).not.toContain(b.text.slice(0, 40));
  });

  it('four cards to an A4 sheet, two when briefings are on them', () => {
    const r = room();
    for (const role of ['uzbekistan', 'kazakhstan']) seat(r, role, { kind: 'team', name: `Team ${role}` });
    const { room: pub, teams } = consoleView(r);
    const plain = joinCards(pub, scenario, teams, ORIGIN, true);
    const briefed = joinCards(pub, scenario, teams, ORIGIN, false);
    expect([cardsPerPage(plain), pagesOf(plain, cardsPerPage(plain)).length]).toEqual([4, 1]);
    expect([cardsPerPage(briefed), pagesOf(briefed, cardsPerPage(briefed)).map((p) => p.length)]).toEqual([2, [2, 2]]);
  });
});
