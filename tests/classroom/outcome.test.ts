// How a classroom game ended, in the same words on every screen (issue 12's teacher playtest:
// the projector and the console said "Moscow wins" when the facilitator stopped after 2 of 8
// turns, while the class debrief said "Moscow led on points").
import { describe, expect, it } from 'vitest';
import { exportRoom, gameSnapshot, publicRoom, replayRoom } from '../../src/classroom/room';
import { classDebrief } from '../../src/classroom/classDebrief';
import { debriefPage } from '../../src/classroom/debriefPage';
import { endedEarly, playedToEnd, roomOutcome } from '../../src/classroom/outcome';
import { checkInjected } from '../../src/engine';
import { loadShipped } from '../engine/helpers';
import { FAC, RoomDriver, classroomRoom, team } from './roomDriver';

const scenario = loadShipped('classroom-short');
const [BEIJING, MOSCOW] = scenario.powers.map((p) => p.id) as [string, string];

/** Both powers played by teams (that pass), the republics by the rule of thumb, `turns` turns played. */
function played(turns: number): RoomDriver {
  const d = new RoomDriver(classroomRoom(scenario, 1_000_000, { code: 'END123', seed: 'outcome' }));
  d.send(FAC, { t: 'start' });
  for (let k = 0; k < turns && d.room.phase === 'playing'; k++) for (const p of [BEIJING, MOSCOW]) d.send(team(p), { t: 'submit', orders: [] });
  return d;
}

/** What a device of the room is shown: the public room and its board. */
const shown = (d: RoomDriver) => roomOutcome(scenario, publicRoom(d.room, d.clock, new Map(), 'class'), gameSnapshot(d.room, FAC).view);

describe('how a game ended', () => {
  it('a game the facilitator stopped early says when, and who led on points, never who won', () => {
    const d = played(2);
    const r = d.room;
    d.send(FAC, { t: 'end' });
    const said = shown(d);
    expect(said?.headline).toBe(`The facilitator ended the game after turn 2 of ${scenario.turns}`);
    expect(said?.line).not.toMatch(/wins/);
    // The same words as the room's record, which the class's debrief prints.
    expect(said?.line).toBe(r.result?.reason);
  });

  it('names the leader and the score in words, or a level score, or nobody scoring', () => {
    const points = (m: Record<string, number>) => (p: string) => m[p] ?? 0;
    expect(endedEarly(scenario, points({ [MOSCOW]: 7, [BEIJING]: 4 }), 2, 8).line).toBe('The facilitator ended the game after turn 2 of 8: Moscow led on points, 7 to 4.');
    expect(endedEarly(scenario, points({ [MOSCOW]: 5, [BEIJING]: 5 }), 3, 8).detail).toBe('Beijing and Moscow were level on points, 5 each.');
    expect(endedEarly(scenario, points({}), 0, 8).line).toBe('The facilitator ended the game before turn 1 of 8 was played: nobody had scored.');
    const three = { powers: [...scenario.powers, { ...scenario.powers[0]!, id: 'ankara', name: 'Ankara' }] };
    expect(endedEarly(three, points({ [MOSCOW]: 7, [BEIJING]: 4, ankara: 2 }), 2, 8).detail).toBe("Moscow led on points, 7 to Beijing's 4 and Ankara's 2.");
  });

  it('a game played to its end keeps "wins", with the engine\'s reason', () => {
    const d = played(scenario.turns);
    const r = d.room;
    expect(r.phase).toBe('ended');
    const board = gameSnapshot(r, FAC).view;
    if (board.phase.kind !== 'over') throw new Error('the game did not end');
    const said = shown(d);
    const winner = board.phase.winner;
    expect(said?.headline).toBe(winner ? `${scenario.powers.find((p) => p.id === winner)?.name ?? ''} wins` : 'A draw');
    expect(said?.line).toBe(`Game over: ${board.phase.reason}.`);
    expect(playedToEnd(scenario, MOSCOW, 'Moscow wins with 12 points to 9').detail).toBe('Moscow wins with 12 points to 9.');
  });

  it('an event fired in the turn the facilitator ended says it never happened, on every screen, in the record and the debrief', () => {
    const d = played(1);
    const r = d.room;
    const event = scenario.events.find((e) => checkInjected(scenario, r.record.state, [e.id]).ok)?.id ?? '';
    d.send(FAC, { t: 'inject-event', event });
    d.send(team(BEIJING), { t: 'say', to: { kind: 'all' }, text: 'A word before the end' });
    d.send(FAC, { t: 'end' });
    const title = scenario.events.find((e) => e.id === event)?.title ?? '';
    const told = `${title} — was to happen as turn 2 resolved; the game ended first.`;
    // The class's room (projector, team screens), the console's, the record, and a server's log replayed.
    for (const news of [publicRoom(r, d.clock, new Map(), 'class').news, publicRoom(r, d.clock, new Map(), 'facilitator').news, exportRoom(r).news, replayRoom(r.creation, r.log).news]) {
      expect(news.map((n) => n.text)).toEqual([told]);
    }
    // The debrief keeps the turn that was never played: its inject and its messages, saying so.
    const debrief = classDebrief(exportRoom(r));
    if (!debrief.ok) throw new Error(debrief.error);
    expect(debrief.value.turns).toHaveLength(1);
    expect(debrief.value.unplayed?.turn).toBe(2);
    expect(debrief.value.unplayed?.news.map((n) => n.text)).toEqual([told]);
    expect(debrief.value.unplayed?.messages.map((m) => m.text)).toEqual(['A word before the end']);
    const page = debriefPage(debrief.value);
    expect(page).toContain('Turn 2 — not played: the facilitator ended the game first');
    expect(page).toContain(told);
    expect(page).not.toContain('happens as turn 2 resolves');
  });

  it('an event fired in a turn says it happens as that turn resolves, and once it has, that it happened, in every copy', () => {
    const d = played(0);
    const r = d.room;
    const event = scenario.events.find((e) => !e.repeatable)?.id ?? '';
    const title = scenario.events.find((e) => e.id === event)?.title ?? '';
    d.send(FAC, { t: 'inject-event', event });
    expect(publicRoom(r, d.clock, new Map(), 'class').news.map((n) => n.text)).toEqual([`${title} — it happens as turn 1 resolves.`]);
    for (const p of [BEIJING, MOSCOW]) d.send(team(p), { t: 'submit', orders: [] });
    expect(r.record.state.fired).toContain(event);
    const told = `${title} — it happened as turn 1 resolved.`;
    for (const news of [publicRoom(r, d.clock, new Map(), 'class').news, exportRoom(r).news, replayRoom(r.creation, r.log).news]) expect(news.map((n) => n.text)).toEqual([told]);
    // Ending the game later leaves a resolved turn's inject as it was.
    d.send(FAC, { t: 'end' });
    expect(publicRoom(r, d.clock, new Map(), 'class').news.map((n) => n.text)).toEqual([told]);
  });

  it('says nothing while the game goes on', () => {
    expect(shown(played(1))).toBeNull();
  });
});
