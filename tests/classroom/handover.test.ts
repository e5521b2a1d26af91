// Who the shared screen goes to next (src/ui/classroom/handover.ts): table-driven over the
// room's public state, which roles this screen plays, and the last turn the class saw.
import { describe, expect, it } from 'vitest';
import type { RoleInfo, RoomPublic } from '../../src/classroom/protocol';
import { DEFAULT_SETTINGS } from '../../src/classroom/protocol';
import type { SharedStep } from '../../src/ui/classroom/handover';
import { nextStep, owing } from '../../src/ui/classroom/handover';

const role = (id: string, kind: RoleInfo['kind'], team: boolean, submitted = false): RoleInfo => ({
  role: id,
  kind,
  name: id[0]?.toUpperCase() + id.slice(1),
  seat: team ? { kind: 'team', name: `Team ${id}` } : { kind: 'computer', player: kind === 'power' ? 'greedy' : 'rule' },
  connected: team ? 1 : 0,
  submitted,
});

const room = (over: Partial<RoomPublic>, submitted: readonly string[] = [], seats: Record<string, boolean> = {}): RoomPublic => ({
  code: 'ROOM1',
  scenarioId: 'classroom-short',
  title: 'A class',
  phase: 'playing',
  turn: 1,
  stage: 'orders',
  timer: { kind: 'off' },
  settings: DEFAULT_SETTINGS,
  roles: [
    role('beijing', 'power', seats.beijing ?? true, submitted.includes('beijing')),
    role('moscow', 'power', seats.moscow ?? true, submitted.includes('moscow')),
    role('washington', 'power', seats.washington ?? false, submitted.includes('washington')),
    role('kazakhstan', 'republic', seats.kazakhstan ?? true, submitted.includes('kazakhstan')),
    role('uzbekistan', 'republic', seats.uzbekistan ?? false, submitted.includes('uzbekistan')),
  ],
  news: [],
  serverNow: 0,
  ...over,
});

const ALL = new Set(['beijing', 'moscow', 'kazakhstan']);
/** The step, with a role named by its id. */
const step = (s: SharedStep): unknown => (s.kind === 'team' || s.kind === 'briefing' ? { kind: s.kind, role: s.role.role } : s.kind === 'between' ? { kind: 'between', turn: s.turn, first: s.first?.role ?? null } : s);

describe('who the shared screen goes to next', () => {
  it.each([
    { why: 'the lobby: nobody yet', room: room({ phase: 'lobby' }), played: ALL, seen: 0, want: { kind: 'lobby' } },
    { why: 'the game is over', room: room({ phase: 'ended', turn: 9 }), played: ALL, seen: 8, want: { kind: 'ended' } },
    { why: 'turn 1 orders: the first power team in the room’s order', room: room({}), played: ALL, seen: 0, want: { kind: 'team', role: 'beijing' } },
    { why: 'Beijing has submitted: Moscow', room: room({}, ['beijing']), played: ALL, seen: 1, want: { kind: 'team', role: 'moscow' } },
    { why: 'Moscow submitted first (its own device): Beijing', room: room({}, ['moscow']), played: ALL, seen: 1, want: { kind: 'team', role: 'beijing' } },
    { why: 'every power team in: waiting for the server', room: room({}, ['beijing', 'moscow']), played: ALL, seen: 1, want: { kind: 'waiting' } },
    { why: 'a computer power is never handed the screen', room: room({}, ['beijing', 'moscow']), played: new Set(['beijing', 'moscow', 'washington']), seen: 1, want: { kind: 'waiting' } },
    { why: 'a team this screen does not play (its own device) is skipped', room: room({}), played: new Set(['moscow']), seen: 1, want: { kind: 'team', role: 'moscow' } },
    { why: 'stances: the republic team', room: room({ stage: 'stances' }), played: ALL, seen: 1, want: { kind: 'team', role: 'kazakhstan' } },
    { why: 'stances: powers are not asked again', room: room({ stage: 'stances' }, ['kazakhstan']), played: ALL, seen: 1, want: { kind: 'waiting' } },
    { why: 'a second republic team comes after the first', room: room({ stage: 'stances' }, ['kazakhstan'], { uzbekistan: true }), played: new Set(['kazakhstan', 'uzbekistan']), seen: 1, want: { kind: 'team', role: 'uzbekistan' } },
    { why: 'turn 2, not yet seen: the between-turns screen, then Beijing', room: room({ turn: 2 }), played: ALL, seen: 1, want: { kind: 'between', turn: 1, first: 'beijing' } },
    { why: 'turn 2 seen: Beijing', room: room({ turn: 2 }), played: ALL, seen: 2, want: { kind: 'team', role: 'beijing' } },
    { why: 'a screen opened mid-game shows the last turn first', room: room({ turn: 4 }), played: ALL, seen: 0, want: { kind: 'between', turn: 3, first: 'beijing' } },
    { why: 'between turns with no power team: nobody first', room: room({ turn: 2 }, [], { beijing: false, moscow: false }), played: ALL, seen: 1, want: { kind: 'between', turn: 1, first: null } },
    { why: 'no team at all on this screen: waiting', room: room({}), played: new Set<string>(), seen: 1, want: { kind: 'waiting' } },
  ])('$why', ({ room: r, played, seen, want }) => {
    expect(step(nextStep(r, played, seen))).toEqual(want);
  });

  it.each([
    { why: 'the lobby: the first team reads its briefing', room: room({ phase: 'lobby' }), briefed: [], want: { kind: 'briefing', role: 'beijing' } },
    { why: 'the lobby: every team in the room’s order, republics too', room: room({ phase: 'lobby' }), briefed: ['beijing', 'moscow'], want: { kind: 'briefing', role: 'kazakhstan' } },
    { why: 'the lobby, every team briefed: waiting for the start', room: room({ phase: 'lobby' }), briefed: ['beijing', 'moscow', 'kazakhstan'], want: { kind: 'lobby' } },
    { why: 'started before every team read: briefings before the first orders', room: room({}), briefed: ['beijing'], want: { kind: 'briefing', role: 'moscow' } },
    { why: 'a team that already submitted from its own device still reads here first', room: room({}, ['beijing']), briefed: [], want: { kind: 'briefing', role: 'beijing' } },
    { why: 'turn 1 stances: no briefing round any more', room: room({ stage: 'stances' }), briefed: [], want: { kind: 'team', role: 'kazakhstan' } },
    { why: 'turn 2: no briefing round any more', room: room({ turn: 2 }), briefed: [], want: { kind: 'between', turn: 1, first: 'beijing' } },
    { why: 'the game is over: no briefing', room: room({ phase: 'ended', turn: 1 }), briefed: [], want: { kind: 'ended' } },
  ])('briefings: $why', ({ room: r, briefed, want }) => {
    expect(step(nextStep(r, ALL, 0, new Set(briefed)))).toEqual(want);
  });

  it('a team seated by the computer, or played on its own device, is never handed the screen for a briefing', () => {
    expect(step(nextStep(room({ phase: 'lobby' }, [], { beijing: false }), new Set(['moscow', 'beijing']), 0, new Set()))).toEqual({ kind: 'briefing', role: 'moscow' });
    expect(step(nextStep(room({ phase: 'lobby' }), new Set(['kazakhstan']), 0, new Set()))).toEqual({ kind: 'briefing', role: 'kazakhstan' });
  });

  it('owes: team-seated roles of the stage’s kind that have not answered, in the room’s order', () => {
    expect(owing(room({}, ['moscow'], { washington: true }), new Set(['beijing', 'moscow', 'washington'])).map((r) => r.role)).toEqual(['beijing', 'washington']);
  });
});
