// Seats: who plays each power. The schema reads a mode as untrusted input (seats, or one of
// the three modes autosaves held before seats); older modes become the seats they meant, so
// no saved game is lost; `modeProblem` refuses seats a scenario cannot be played with.
import { describe, expect, it } from 'vitest';
import type { Mode, StoredMode } from '../../src/store/mode';
import { ModeSchema, againstComputer, computerAt, humans, modeFor, modeProblem, seatsFor } from '../../src/store/mode';
import { mini, miniThree } from '../fixtures/mini';

const two = mini();
const three = miniThree({ actions: false });
const H = 'human' as const;
const C = (computer: string) => ({ computer });
const seats = (...xs: [string, Mode['seats'][number]['player']][]): Mode => ({ kind: 'seats', seats: xs.map(([power, player]) => ({ power, player })) });

describe('the mode schema', () => {
  it.each<[string, unknown, boolean]>([
    ['seats', seats(['north', H], ['south', C('search:2')]), true],
    ['no seats at all (refused later, by the scenario)', { kind: 'seats', seats: [] }, true],
    ['against the computer (before seats)', { kind: 'vs-computer', human: 'north', computer: 'greedy' }, true],
    ['hot seat (before seats)', { kind: 'hot-seat' }, true],
    ['watch (before seats)', { kind: 'watch', computer: 'search:1' }, true],
    ['a seat with an unknown field', { kind: 'seats', seats: [{ power: 'north', player: H, team: 1 }] }, false],
    ['a player that is neither a person nor a computer', seats(['north', 'robot' as never]), false],
    ['a computer without a name', { kind: 'seats', seats: [{ power: 'north', player: {} }] }, false],
    ['a power id of 101 characters', seats(['n'.repeat(101), H]), false],
    ['seventeen seats', { kind: 'seats', seats: Array.from({ length: 17 }, (_, i) => ({ power: `p${i}`, player: H })) }, false],
    ['seats that are not a list', { kind: 'seats', seats: { north: H } }, false],
    ['hot seat naming a person', { kind: 'hot-seat', human: 'north' }, false],
    ['an unknown kind', { kind: 'network' }, false],
    ['null', null, false],
  ])('%s: accepted %s', (_name, input, ok) => {
    expect(ModeSchema.safeParse(input).success).toBe(ok);
  });
});

describe('older modes become seats', () => {
  it.each<[string, StoredMode, Mode]>([
    ['against the computer as the first power', { kind: 'vs-computer', human: 'north', computer: 'greedy' }, seats(['north', H], ['south', C('greedy')])],
    ['against the computer as the second power', { kind: 'vs-computer', human: 'south', computer: 'search:3' }, seats(['north', C('search:3')], ['south', H])],
    ['hot seat: a person at every power', { kind: 'hot-seat' }, seats(['north', H], ['south', H])],
    ['watch: the computer at every power', { kind: 'watch', computer: 'search:1' }, seats(['north', C('search:1')], ['south', C('search:1')])],
    ['seats stay, in the order of the powers', seats(['south', H], ['north', C('greedy')]), seats(['north', C('greedy')], ['south', H])],
  ])('two powers, %s', (_name, stored, wanted) => {
    expect(seatsFor(two, stored)).toEqual(wanted);
    expect(modeProblem(two, seatsFor(two, stored))).toBeNull();
  });

  it.each<[string, StoredMode, Mode]>([
    ['against the computer: the computer at both other powers', { kind: 'vs-computer', human: 'east', computer: 'search:2' }, seats(['north', C('search:2')], ['south', C('search:2')], ['east', H])],
    ['hot seat: three people', { kind: 'hot-seat' }, seats(['north', H], ['south', H], ['east', H])],
    ['watch: three computers', { kind: 'watch', computer: 'greedy' }, seats(['north', C('greedy')], ['south', C('greedy')], ['east', C('greedy')])],
  ])('three powers, %s', (_name, stored, wanted) => {
    expect(seatsFor(three, stored)).toEqual(wanted);
    expect(modeProblem(three, seatsFor(three, stored))).toBeNull();
  });

  it('an older mode naming a power the scenario lacks keeps the name, so the refusal says which', () => {
    expect(modeProblem(two, seatsFor(two, { kind: 'vs-computer', human: 'nobody', computer: 'greedy' }))).toBe('there is no power "nobody" in this scenario');
  });
});

describe('seats that cannot play a scenario are refused with the reason', () => {
  it.each<[string, Mode, string | null]>([
    ['one person, one computer', seats(['north', H], ['south', C('greedy')]), null],
    ['two people', seats(['north', H], ['south', H]), null],
    ['two computers of different strengths', seats(['north', C('search:1')], ['south', C('search:3')]), null],
    ['a power the scenario lacks', seats(['north', H], ['south', H], ['west', H]), 'there is no power "west" in this scenario'],
    ['a power seated twice', seats(['north', H], ['north', C('greedy')], ['south', H]), 'the power "north" has two seats'],
    ['a power with no seat', seats(['north', H]), 'nobody sits at the power "south"'],
    ['no seats', seats(), 'nobody sits at the power "north"'],
    ['a computer that does not exist', seats(['north', H], ['south', C('genius')]), 'the computer player cannot play: unknown player "genius": expected one of random, greedy, varied, search:1, search:2, search:3'],
    ['a power called like a built-in', seats(['north', H], ['constructor', H]), 'there is no power "constructor" in this scenario'],
    ['a power the scenario lacks, before an unknown computer', seats(['north', C('genius')], ['south', H], ['nobody', H]), 'there is no power "nobody" in this scenario'],
  ])('%s', (_name, mode, problem) => {
    expect(modeProblem(two, mode)).toBe(problem);
  });
});

describe('reading seats', () => {
  const mixed = seats(['north', C('search:2')], ['south', H], ['east', H]);
  it('people play in the order of the powers; each computer has its own strength', () => {
    expect(humans(three, mixed)).toEqual(['south', 'east']);
    expect(computerAt(mixed, 'north')).toBe('search:2');
    expect(computerAt(mixed, 'south')).toBeNull();
    expect(computerAt(mixed, 'nobody')).toBeNull();
  });

  it('a loaded game keeps the seats before it if they fit, else the first power plays the computer', () => {
    expect(modeFor(three, mixed)).toEqual(mixed);
    expect(modeFor(two, mixed)).toEqual(againstComputer(two, 'north', 'greedy'));
    expect(modeFor(two, undefined)).toEqual(seats(['north', H], ['south', C('greedy')]));
    expect(modeFor(two, { kind: 'hot-seat' })).toEqual(seats(['north', H], ['south', H]));
  });
});
