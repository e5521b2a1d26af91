// Republic players on the command line: --republics <player> and --republic <id>=<player>
// for simulate and balance, their messages, and saves that replay.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/engine';
import { parseCommandLine } from '../../src/cli/args';
import { chooseRepublics } from '../../src/cli/players';
import { UsageError } from '../../src/cli/errors';
import { readFileSync } from 'node:fs';
import { cli as run, root } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'ngg-republics-'));
const cli = (...args: string[]): ReturnType<typeof run> => run(args);
const sim = (...more: string[]): string[] => ['simulate', '--scenario', 'x', '--seed', 's', ...more];

function usageError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('no usage error');
}

const samarkand = (() => {
  const r = loadScenarioText(readFileSync(join(root, 'scenarios/samarkand-2022.json'), 'utf8'));
  if (!r.ok) throw new Error('invalid');
  return r.value;
})();

describe('--republics and --republic', () => {
  it('are read into the invocation, and left out when not given', () => {
    expect(parseCommandLine(sim('--republics', 'greedy', '--republic', 'kazakhstan=rule'))).toMatchObject({ republics: { all: 'greedy', each: [{ country: 'kazakhstan', player: 'rule', spelled: '--republic kazakhstan=rule' }] } });
    expect(parseCommandLine(['balance', '--scenario', 'x', '--seed', 's', '--games', '2', '--republic=uzbekistan=search'])).toMatchObject({ republics: { each: [{ country: 'uzbekistan', player: 'search' }] } });
    expect('republics' in parseCommandLine(sim())).toBe(false);
  });

  it('refuse bad usage, saying which argument is wrong', () => {
    expect(usageError(() => parseCommandLine(sim('--republic', 'kazakhstan')))).toBe('--republic needs <country-id>=<player> (got "kazakhstan")');
    expect(usageError(() => parseCommandLine(sim('--republic', '=greedy')))).toBe('--republic needs <country-id>=<player> (got "=greedy")');
    expect(usageError(() => parseCommandLine(sim('--republics', 'greedy', '--republics', 'rule')))).toBe('--republics is given twice');
    expect(usageError(() => parseCommandLine(sim('--republics')))).toBe('--republics needs a value');
    expect(usageError(() => parseCommandLine(['balance', '--report', 'x', '--republics', 'greedy']))).toBe("--republics: the report's republics take the engine's rule of thumb");
    expect(usageError(() => parseCommandLine(['balance', '--report', 'x', '--republic', 'kazakhstan=greedy']))).toBe("--republic kazakhstan=greedy: the report's republics take the engine's rule of thumb");
    const choose = (...more: string[]): Record<string, string> => {
      const inv = parseCommandLine(sim(...more));
      return chooseRepublics(samarkand, inv.command === 'simulate' ? inv.republics : undefined);
    };
    expect(usageError(() => choose('--republics', 'genius'))).toBe('--republics: unknown republic player "genius": expected one of rule, greedy, search (or republic:<name>)');
    expect(usageError(() => choose('--republic', 'kazakhstan=genius'))).toBe('--republic kazakhstan=genius: unknown republic player "genius": expected one of rule, greedy, search (or republic:<name>)');
    expect(usageError(() => choose('--republic', 'atlantis=greedy'))).toBe(
      '--republic atlantis=greedy: scenario samarkand-2022 has no contested country "atlantis" (its contested countries: kazakhstan, kyrgyzstan, tajikistan, uzbekistan, turkmenistan)',
    );
    expect(usageError(() => choose('--republic', 'russia=greedy'))).toBe(
      '--republic russia=greedy: scenario samarkand-2022 has no contested country "russia" (russia is a neighbour, which takes no stance; its contested countries: kazakhstan, kyrgyzstan, tajikistan, uzbekistan, turkmenistan)',
    );
    expect(usageError(() => choose('--republic', 'kazakhstan=greedy', '--republic', 'kazakhstan=rule'))).toBe('republic kazakhstan is given two players (--republic kazakhstan=greedy and --republic kazakhstan=rule)');
  });

  it('name every republic, one republic over all, or none', () => {
    const choose = (...more: string[]): Record<string, string> => {
      const inv = parseCommandLine(sim(...more));
      return { ...chooseRepublics(samarkand, inv.command === 'simulate' ? inv.republics : undefined) };
    };
    expect(choose()).toEqual({});
    expect(choose('--republic', 'uzbekistan=republic:search')).toEqual({ uzbekistan: 'republic:search' });
    expect(choose('--republics', 'greedy', '--republic', 'kazakhstan=rule')).toEqual({ kazakhstan: 'rule', kyrgyzstan: 'greedy', tajikistan: 'greedy', uzbekistan: 'greedy', turkmenistan: 'greedy' });
  });
});

describe('simulate and balance with republic players', () => {
  it('simulate --republics greedy --save f replays with replay f, and lists the stances', () => {
    const save = join(tmp, 'republics.json');
    const r = cli('simulate', '--scenario', 'classroom-short', '--seed', '7', '--republics', 'greedy', '--republic', 'uzbekistan=search', '--save', save);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('; republics: kazakhstan: greedy, kyrgyzstan: greedy, tajikistan: greedy, uzbekistan: search, turkmenistan: greedy');
    expect(r.stdout).toMatch(/\n {4}stances: kazakhstan (hedge|crackdown|lean to \w+), kyrgyzstan /);
    const hash = /State hash: ([0-9a-f]{16})/.exec(r.stdout)?.[1];
    const back = cli('replay', save);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(`every hash matches; final state ${hash}`);
    // The same game again in another process, and as JSON.
    const json = cli('simulate', '--scenario', 'classroom-short', '--seed', '7', '--republics', 'greedy', '--republic', 'uzbekistan=search', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ stateHash: hash, republics: { kazakhstan: 'greedy', uzbekistan: 'search' } });
  });

  it('balance --republics greedy runs, names the republics, and does not depend on --jobs', () => {
    const args = ['balance', '--scenario', 'classroom-short', '--games', '4', '--seed', 'rb', '--republics', 'greedy', '--json'];
    const one = cli(...args, '--jobs', '1');
    const two = cli(...args, '--jobs', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const report = JSON.parse(one.stdout) as { games: number; republics: Record<string, string> };
    expect(report.games).toBe(4);
    expect(report.republics).toEqual({ kazakhstan: 'greedy', kyrgyzstan: 'greedy', tajikistan: 'greedy', uzbekistan: 'greedy', turkmenistan: 'greedy' });
    expect(two.stdout).toBe(one.stdout);
    const text = cli('balance', '--scenario', 'classroom-short', '--games', '2', '--seed', 'rb', '--jobs', '1', '--republic', 'tajikistan=greedy');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('; republics: tajikistan: greedy');
  });
});
