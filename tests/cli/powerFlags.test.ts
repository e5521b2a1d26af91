// A misspelt power on the command line (`--ankra greedy`) is answered with the
// scenario's power ids and the closest one, however the command line stops.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npmSwallowedHint, parseCommandLine } from '../../src/cli/args';
import { choosePlayers, unknownPowerHints } from '../../src/cli/players';
import { UsageError } from '../../src/cli/errors';
import { mini, miniInput } from '../fixtures/mini';
import { cli } from './run';

/** The fixture with its powers renamed to a Caucasus's three. */
function caucasusInput(): ReturnType<typeof miniInput> {
  const text = JSON.stringify(miniInput()).replaceAll('"north"', '"ankara"').replaceAll('"south"', '"moscow"').replace('"id":"mini"', '"id":"caucasus"');
  return JSON.parse(text) as ReturnType<typeof miniInput>;
}
const caucasus = mini((x) => Object.assign(x, caucasusInput()));

function refusal(argv: string[]): string {
  const inv = parseCommandLine(argv);
  if (inv.command !== 'simulate' && inv.command !== 'balance') throw new Error(inv.command);
  try {
    choosePlayers(caucasus, inv.command, inv.players, 'greedy');
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

describe('a power flag that names no power', () => {
  it.each([
    { args: ['--ankra', 'greedy'], message: 'simulate has no option "--ankra", and scenario caucasus has no power "ankra" (its powers: ankara, moscow; did you mean --ankara?)' },
    { args: ['--player', 'moskow=random'], message: '--player moskow=random: scenario caucasus has no power "moskow" (its powers: ankara, moscow; did you mean --player moscow=random?)' },
    { args: ['--tehran', 'greedy'], message: 'simulate has no option "--tehran", and scenario caucasus has no power "tehran" (its powers: ankara, moscow)' },
  ])('$args.0 $args.1', ({ args, message }) => {
    expect(refusal(['simulate', '--scenario', 'x', '--seed', '1', ...args])).toBe(message);
  });

  it.each([
    { args: ['--seed', '1', '--ankra'], hints: ['scenario caucasus has no power "ankra" (its powers: ankara, moscow; did you mean --ankara?)'] },
    { args: ['--ankra=greedy', '--mosow', 'random'], hints: ['scenario caucasus has no power "ankra" (its powers: ankara, moscow; did you mean --ankara?)', 'scenario caucasus has no power "mosow" (its powers: ankara, moscow; did you mean --moscow?)'] },
    { args: ['--seed', '1', '--Moscow', 'greedy'], hints: ['scenario caucasus has no power "Moscow" (its powers: ankara, moscow; did you mean --moscow?)'] },
    { args: ['--seed', '1', '--ankara', 'greedy', '--json', '--', '--x'], hints: [] },
  ])('hints after a usage error: $args', ({ args, hints }) => {
    expect(unknownPowerHints(caucasus, 'simulate', ['--scenario', 'x', ...args])).toEqual(hints);
  });

  const dir = mkdtempSync(join(tmpdir(), 'ngg-flags-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on the command line, a misspelt power without its player still gets the power ids', () => {
    const file = join(dir, 'caucasus.json');
    writeFileSync(file, JSON.stringify(caucasusInput()));
    const r = cli(['simulate', '--scenario', file, '--seed', '1', '--ankra']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(['error: --ankra needs a value', 'note: scenario caucasus has no power "ankra" (its powers: ankara, moscow; did you mean --ankara?)']);
  });

  // `npm run cli simulate --scenario x --ankra greedy` (no "--"): npm keeps the options, the command sees only "x" and "greedy".
  it.each([
    { argv: ['simulate', 'x', '1', 'greedy'], env: { npm_lifecycle_event: 'cli', npm_config_scenario: 'true', npm_config_seed: 'true', npm_config_ankra: 'true' }, hint: 'npm kept --scenario, --seed for itself: put -- before the command so that its options reach it (npm run --silent cli -- simulate …)' },
    { argv: ['balance', 'x', '100'], env: { npm_lifecycle_event: 'cli', npm_config_scenario: 'true', npm_config_games: 'true', npm_config_json: 'true' }, hint: 'npm kept --scenario, --games for itself: put -- before the command so that its options reach it (npm run --silent cli -- balance …)' },
    { argv: ['simulate', 'x'], env: { npm_config_scenario: 'true' }, hint: null },
    { argv: ['simulate', 'x'], env: { npm_lifecycle_event: 'cli', npm_config_json: 'true' }, hint: null },
  ])('npm swallowing the options: $argv', ({ argv, env, hint }) => {
    expect(npmSwallowedHint(argv, env)).toBe(hint);
  });
});
