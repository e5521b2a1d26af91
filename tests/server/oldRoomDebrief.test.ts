// The debrief link of a room played under earlier rules (its export holds only its log): the
// teacher is told why no debrief can be made, and what the record holds, not a server error.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry, RoomCreation } from '../../src/classroom/room';
import { unresumable } from '../../src/classroom/room';
import { SAVE_VERSION } from '../../src/engine';
import { createHttpServer } from '../../src/server/http';
import { Sockets } from '../../src/server/sockets';
import { loadShipped } from '../engine/helpers';

const scenario = loadShipped('classroom-short');
const KEY = 'f'.repeat(24);
const { rules: _rules, ...creation } = { code: 'OLD01', facilitator: KEY, teamCodes: [], scenario, seed: 'old', settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' as const } }, at: 0, rules: 1 };
const log: LogEntry[] = [
  { k: 'start', at: 5 },
  { k: 'stance', role: 'kazakhstan', choice: { kind: 'hedge' }, at: 6 },
];
const old = unresumable(creation as unknown as RoomCreation, log);
const sockets = new Sockets({ connect: () => ({ peer: { send: () => undefined, close: () => undefined }, room: null, who: null, badHellos: 0, open: true }), frame: () => undefined, disconnect: () => undefined });
const server = createHttpServer({
  distDir: '.',
  scenariosDir: 'scenarios',
  createRoom: () => undefined,
  tokenTaken: () => false,
  exportRoom: (code, key) => Promise.resolve(code === 'OLD01' && key === KEY ? old?.record : null),
  sockets,
});
let port = 0;
beforeAll(() => new Promise<void>((done) => server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), done()))));
afterAll(() => {
  sockets.close();
  return new Promise<void>((done) => server.close(() => done()));
});

describe('the debrief of a room played under earlier rules', () => {
  it('says why none can be made, and what its record holds', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/rooms/OLD01/debrief?key=${KEY}`);
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(text).toContain(`No debrief can be made of this room: room "OLD01" (${scenario.title}) was played under the rules of an earlier version of the game (rules version 1; this version plays version ${SAVE_VERSION})`);
    expect(text).toContain('Its log holds 0 submissions, 1 stance, 0 messages, 0 news items, 0 injects in 2 entries');
    // The key is still the facilitator's: without it, nothing is said of the room.
    expect((await fetch(`http://127.0.0.1:${port}/api/rooms/OLD01/debrief?key=wrong`)).status).toBe(404);
  });
});
