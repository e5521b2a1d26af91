// The console's list of events to fire: only what the server would accept, so a teacher is
// never offered an event that has already happened (found playing a class: the server
// refused it, after the click).
import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '../../src/classroom/protocol';
import { applyEntry, createRoom, handleMessage, publicRoom } from '../../src/classroom/room';
import { SAVE_VERSION } from '../../src/engine';
import { injectableEvents } from '../../src/ui/classroom/injects';
import { loadShipped } from '../engine/helpers';

const scenario = loadShipped('classroom-short');

function startedRoom() {
  const room = createRoom({ code: 'INJ01', facilitator: 'f'.repeat(24), teamCodes: [], scenario, seed: 'injects', settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } }, at: 0, rules: SAVE_VERSION });
  const act = (msg: ClientMessage): void => {
    const r = handleMessage(room, { kind: 'facilitator' }, msg, 1000);
    if (!r.ok) throw new Error(r.error);
    for (const e of r.value) applyEntry(room, e);
  };
  act({ id: 1, t: 'start' });
  return { room, act };
}

describe('the events the console offers to fire', () => {
  const once = scenario.events.filter((e) => !e.repeatable);
  const again = scenario.events.filter((e) => e.repeatable);

  it('leaves out an event that has happened, unless it may happen again', () => {
    const { room } = startedRoom();
    const [happened] = once;
    if (!happened) throw new Error('the scenario has no once-only event');
    const state = { ...room.record.state, fired: [happened.id, ...again.map((e) => e.id)] };
    const offered = injectableEvents(scenario, state, publicRoom(room, 1000, new Map(), 'facilitator')).map((e) => e.id);
    expect(offered).not.toContain(happened.id);
    expect(offered).toEqual(scenario.events.filter((e) => e.id !== happened.id).map((e) => e.id));
  });

  it('leaves out an event already fired this turn, and every one it offers the server accepts', () => {
    const { room, act } = startedRoom();
    const first = scenario.events[0];
    if (!first) throw new Error('the scenario has no events');
    act({ id: 2, t: 'inject-event', event: first.id });
    const pub = publicRoom(room, 1000, new Map(), 'facilitator');
    const offered = injectableEvents(scenario, room.record.state, pub);
    expect(offered.map((e) => e.id)).not.toContain(first.id);
    expect(offered.length).toBeGreaterThan(0);
    for (const e of offered) expect(handleMessage(room, { kind: 'facilitator' }, { id: 3, t: 'inject-event', event: e.id }, 1000).ok, e.id).toBe(true);
    // What it leaves out, the server refuses.
    expect(handleMessage(room, { kind: 'facilitator' }, { id: 4, t: 'inject-event', event: first.id }, 1000).ok).toBe(false);
  });
});
