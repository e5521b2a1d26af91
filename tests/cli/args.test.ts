// The argument parser alone (no processes): every mistake is a UsageError naming the
// argument, every accepted command line is within the limits the engine enforces, and
// no argument list whatever makes it throw anything else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { loadScenarioText, newGame } from '../../src/engine';
import { gameSeed } from '../../src/ai/balance';
import { parsePlayer, PLAYER_NAMES } from '../../src/ai/player';
import type { Invocation } from '../../src/cli/args';
import { MAX_GAMES, MAX_JOBS, MAX_SEED_LENGTH, MAX_TURNS, optionNames, parseCommandLine } from '../../src/cli/args';
import { choosePlayers, shortFormClashes } from '../../src/cli/players';
import { UsageError } from '../../src/cli/errors';
import { mini } from '../fixtures/mini';

const root = join(__dirname, '../..');
function scenarioFile(path: string): Scenario {
  const r = loadScenarioText(readFileSync(join(root, path), 'utf8'));
  if (!r.ok) throw new Error(`${path} is not valid`);
  return r.value;
}
/** Powers "json" and "seed": both option names of simulate and balance. */
const clashing = scenarioFile('tests/fixtures/hostile/files/cli-power-json.json');
const classroom = scenarioFile('scenarios/classroom-short.json');

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

const sim = (...rest: string[]): string[] => ['simulate', '--scenario', 'x', '--seed', 's', ...rest];
const bal = (...rest: string[]): string[] => ['balance', '--scenario', 'x', '--seed', 's', '--games', '3', ...rest];

describe('parseCommandLine', () => {
  it('reads each command', () => {
    expect(parseCommandLine(['validate', 'a.json', '--', '--b.json'])).toEqual({ command: 'validate', files: ['a.json', '--b.json'], migrate: false });
    expect(parseCommandLine(['replay', 'g.json'])).toEqual({ command: 'replay', file: 'g.json' });
    expect(parseCommandLine(['debrief', 'room.json', '--out', 'page.html'])).toEqual({ command: 'debrief', file: 'room.json', out: 'page.html' });
    expect(parseCommandLine(['debrief', 'room.json'])).toEqual({ command: 'debrief', file: 'room.json' });
    expect(parseCommandLine(sim('--turns=3', '--json', '--save', 'g.json', '--beijing', 'random', '--player', 'moscow=search:2'))).toEqual({
      command: 'simulate',
      scenario: 'x',
      seed: 's',
      turns: 3,
      json: true,
      save: 'g.json',
      players: [
        { power: 'beijing', player: 'random', spelled: '--beijing' },
        { power: 'moscow', player: 'search:2', spelled: '--player moscow=search:2' },
      ],
    });
    expect(parseCommandLine(bal('--jobs', '2'))).toEqual({ command: 'balance', scenario: 'x', seed: 's', games: 3, jobs: 2, players: [], json: false });
    expect(parseCommandLine(['simulate', '--scenario', 'x', '--seed', '-5'])).toMatchObject({ seed: '-5' });
    for (const help of [['help'], ['--help'], ['-h'], ['validate', '--help'], sim('-h')]) expect(parseCommandLine(help)).toEqual({ command: 'help' });
  });

  it('says what is wrong with a bad command line', () => {
    const cases: [string[], string][] = [
      [[], 'a command is needed'],
      [['frobnicate'], 'unknown command "frobnicate"'],
      [['validate'], 'validate needs at least one scenario file'],
      [['validate', ''], 'a file name is empty'],
      [['validate', '--frob'], 'validate has no option "--frob"'],
      [['validate', '-x'], 'validate has no option "-x"'],
      [['debrief'], 'debrief takes exactly one room record (got 0)'],
      [['debrief', 'a.json', '--out'], '--out needs a value'],
      [['replay'], 'replay takes exactly one saved game (got 0)'],
      [['replay', 'a', 'b'], 'replay takes exactly one saved game (got 2)'],
      [['simulate', '--seed', 's'], '--scenario <id|path> is required'],
      [['simulate', '--scenario', 'x'], '--seed <s> is required'],
      [['simulate', '--scenario'], '--scenario needs a value'],
      [['simulate', '--scenario', '--seed', 's'], '--scenario needs a value'],
      [['simulate', '--scenario=', '--seed', 's'], '--scenario needs a value'],
      [sim('--seed', 't'), '--seed is given twice'],
      [sim('--json', '--json'), '--json is given twice'],
      [sim('--json=yes'), '--json takes no value (got "--json=yes")'],
      [sim('extra'), 'unexpected argument "extra"'],
      [sim('--turns', '0'), '--turns must be a whole number from 1 to 60 (got "0")'],
      [sim('--turns', '61'), '--turns must be a whole number from 1 to 60 (got "61")'],
      [sim('--turns', '2.5'), '--turns must be a whole number from 1 to 60 (got "2.5")'],
      [sim('--turns', ''), '--turns needs a value'],
      [sim('--save'), '--save needs a value'],
      [sim('--player', 'beijing'), '--player needs <power-id>=<player> (got "beijing")'],
      [sim('--player', '=greedy'), '--player needs <power-id>=<player> (got "=greedy")'],
      [sim('--player', 'beijing='), '--player needs <power-id>=<player> (got "beijing=")'],
      [sim('--Beijing', 'greedy'), 'simulate has no option "--Beijing"'],
      [bal('--games', '4'), '--games is given twice'],
      [['balance', '--scenario', 'x', '--seed', 's'], '--games N is required'],
      [['balance', '--scenario', 'x', '--seed', 's', '--games', '0'], '--games must be a whole number from 1 to 100000 (got "0")'],
      [['balance', '--scenario', 'x', '--seed', 's', '--games', '100001'], '--games must be a whole number from 1 to 100000 (got "100001")'],
      [bal('--jobs', '0'), '--jobs must be a whole number from 1 to 1000000 (got "0")'],
      [bal('--turns_3'), 'balance has no option "--turns_3"'],
      [sim('--seed', 'x'.repeat(201)), '--seed is given twice'],
      [['simulate', '--scenario', 'x', '--seed', 'x'.repeat(201)], '--seed is 201 characters; a seed has at most 200'],
      [['balance', '--scenario', 'x', '--seed', 'x'.repeat(199), '--games', '1'], '--seed is 199 characters; with --games 1 a seed has at most 198 (each game adds its number, up to "-0")'],
      [['balance', '--scenario', 'x', '--seed', 'x'.repeat(196), '--games', '10000'], '--seed is 196 characters; with --games 10000 a seed has at most 195 (each game adds its number, up to "-9999")'],
    ];
    for (const [argv, message] of cases) expect(usageError(argv), argv.join(' ')).toBe(message);
  });
  // --games is an option of balance, not simulate: with an id's form it is read as a power, which players.ts refuses.
  it('reads --<id> <player> as a player choice, to be checked against the scenario', () => {
    expect(parseCommandLine(sim('--games', '3'))).toMatchObject({ players: [{ power: 'games', player: '3', spelled: '--games' }] });
  });

  it('accepts the longest seeds the engine accepts, and the engine refuses one character more', () => {
    expect(parseCommandLine(['simulate', '--scenario', 'x', '--seed', 'x'.repeat(MAX_SEED_LENGTH)])).toMatchObject({ command: 'simulate' });
    expect(newGame(mini(), 'x'.repeat(MAX_SEED_LENGTH)).ok).toBe(true);
    expect(newGame(mini(), 'x'.repeat(MAX_SEED_LENGTH + 1)).ok).toBe(false);
    const seed = 'x'.repeat(MAX_SEED_LENGTH - '-9999'.length);
    const inv = parseCommandLine(['balance', '--scenario', 'x', '--seed', seed, '--games', '10000']);
    expect(inv).toMatchObject({ command: 'balance', games: 10000 });
    expect(newGame(mini(), gameSeed(seed, 9999)).ok).toBe(true);
  });
});

describe('choosePlayers', () => {
  it('names any power with --player, and the short form for ids that are not option names', () => {
    const players = (argv: string[]): Record<string, string> => {
      const inv = parseCommandLine(argv);
      if (inv.command !== 'simulate' && inv.command !== 'balance') throw new Error(inv.command);
      return choosePlayers(inv.command === 'simulate' ? clashing : classroom, inv.command, inv.players, 'greedy');
    };
    expect({ ...players(sim('--player', 'json=random', '--player', 'seed=search:1')) }).toEqual({ json: 'random', seed: 'search:1' });
    expect({ ...players(sim('--player', 'json=varied')) }).toEqual({ json: 'varied', seed: 'greedy' });
    expect({ ...players(bal('--beijing', 'random')) }).toEqual({ beijing: 'random', moscow: 'greedy' });
    expect(Object.getPrototypeOf(players(sim()))).toBeNull();
  });
  it('refuses unknown powers, two players for one power and unknown players', () => {
    const refusal = (scenario: Scenario, rest: string[]): string => {
      const inv = parseCommandLine(sim(...rest));
      if (inv.command !== 'simulate') throw new Error(inv.command);
      try {
        choosePlayers(scenario, 'simulate', inv.players, 'greedy');
      } catch (e) {
        if (e instanceof UsageError) return e.message;
        throw e;
      }
      throw new Error('accepted');
    };
    expect(refusal(classroom, ['--tokyo', 'greedy'])).toBe('simulate has no option "--tokyo", and scenario classroom-short has no power "tokyo" (its powers: beijing, moscow)');
    expect(refusal(classroom, ['--player', 'tokyo=greedy'])).toBe('--player tokyo=greedy: scenario classroom-short has no power "tokyo" (its powers: beijing, moscow)');
    expect(refusal(classroom, ['--player', 'constructor=greedy'])).toBe('--player constructor=greedy: scenario classroom-short has no power "constructor" (its powers: beijing, moscow)');
    expect(refusal(classroom, ['--beijing', 'random', '--player', 'beijing=greedy'])).toBe('power beijing is given two players (--beijing and --player beijing=greedy)');
    expect(refusal(classroom, ['--beijing', 'genius'])).toBe(`--beijing: unknown player "genius": expected one of ${PLAYER_NAMES.join(', ')}`);
    expect(refusal(clashing, ['--player', 'json=genius'])).toBe(`--player json=genius: unknown player "genius": expected one of ${PLAYER_NAMES.join(', ')}`);
  });
  it('notes a power named like an option when the option is given a player’s name', () => {
    expect(shortFormClashes(clashing, 'simulate', ['--seed', 'greedy', '--json'])).toEqual([
      'power "seed" has the name of simulate\'s option --seed, so --seed is that option; name its player with --player seed=<player>',
    ]);
    expect(shortFormClashes(clashing, 'simulate', ['--seed=7', '--json', 'random'])).toEqual([
      'power "json" has the name of simulate\'s option --json, so --json is that option; name its player with --player json=<player>',
    ]);
    expect(shortFormClashes(clashing, 'simulate', ['--seed', '7', '--json'])).toEqual([]);
    expect(shortFormClashes(clashing, 'simulate', ['--seed', 'greedy', '--player', 'seed=random'])).toEqual([]);
    expect(shortFormClashes(classroom, 'simulate', ['--seed', 'greedy'])).toEqual([]);
  });
});

describe('no command line makes the parser fail other than with a UsageError', () => {
  const words = [
    'validate', 'simulate', 'replay', 'debrief', '--out', 'balance', 'help', '--help', '-h', '-', '--', '---', '-x', '--=', '--=x', '=',
    ...optionNames('simulate').map((o) => `--${o}`), ...optionNames('balance').map((o) => `--${o}`),
    '--scenario=x', '--seed=', '--json=1', '--player=json=greedy', '--player', 'json=random', 'seed=search:1', 'beijing=greedy', '=greedy', 'beijing=',
    '--beijing', '--moscow', '--json', '--seed', '--constructor', '--__proto__', '--toString', '--hasOwnProperty', '--tokyo', '--Beijing',
    ...PLAYER_NAMES, 'search:0', 'search:4', 'genius',
    '0', '1', '2', '60', '61', '100000', '100001', '1000000', '1000001', '-1', '1.5', '1e3', '0x10', '007', ' 3', '9'.repeat(400), 'NaN', 'Infinity',
    'classroom-short', 'a.json', '', 'x'.repeat(198), 'x'.repeat(200), 'x'.repeat(201), '\u001b[2J', '\u202e', '\u0000', '\ud800', 'constructor', '__proto__',
  ];
  const token = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }).map((s) => `--${s}`));
  const argv = fc.oneof(
    fc.array(token, { maxLength: 12 }),
    fc.tuple(fc.constantFrom('simulate', 'balance', 'validate', 'replay', 'debrief'), fc.array(token, { maxLength: 12 })).map(([c, rest]) => [c, ...rest]),
  );

  function checkAccepted(inv: Invocation): void {
    if (inv.command === 'validate') expect(inv.files.length).toBeGreaterThan(0);
    if (inv.command !== 'simulate' && inv.command !== 'balance') return;
    expect(inv.seed.length).toBeLessThanOrEqual(MAX_SEED_LENGTH);
    expect(inv.scenario).not.toBe('');
    if (inv.command === 'simulate' && inv.turns !== undefined) expect(Number.isInteger(inv.turns) && inv.turns >= 1 && inv.turns <= MAX_TURNS).toBe(true);
    if (inv.command === 'balance') {
      expect(Number.isInteger(inv.games) && inv.games >= 1 && inv.games <= MAX_GAMES).toBe(true);
      expect(gameSeed(inv.seed, inv.games - 1).length).toBeLessThanOrEqual(MAX_SEED_LENGTH);
      if (inv.jobs !== undefined) expect(Number.isInteger(inv.jobs) && inv.jobs >= 1 && inv.jobs <= MAX_JOBS).toBe(true);
    }
    for (const scenario of [clashing, classroom]) {
      let players: Record<string, string>;
      try {
        players = choosePlayers(scenario, inv.command, inv.players, 'greedy');
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        continue;
      }
      expect(Object.keys(players)).toEqual(scenario.powers.map((p) => p.id));
      for (const name of Object.values(players)) expect(parsePlayer(name).ok).toBe(true);
    }
  }

  it('random argument lists', () => {
    fc.assert(
      fc.property(argv, (args) => {
        let inv: Invocation;
        try {
          inv = parseCommandLine(args);
        } catch (e) {
          if (e instanceof UsageError) return;
          throw e;
        }
        checkAccepted(inv);
        if (inv.command === 'simulate' || inv.command === 'balance') for (const s of [clashing, classroom]) shortFormClashes(s, inv.command, args.slice(1));
      }),
      { numRuns: 3000 },
    );
  });
});
