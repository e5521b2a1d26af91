// `balance --report`: its arguments, and the same report for any --jobs.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';
import { cliAsync } from './run';

const refusal = (argv: string[]): string => {
  try {
    parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  return '(accepted)';
};

describe('balance --report arguments', () => {
  it('takes the scenario from --report, with defaults for the rest', () => {
    expect(parseCommandLine(['balance', '--report', 'x'])).toEqual({ command: 'balance-report', scenario: 'x', seed: 'report', games: 200, searchGames: 20, eventGames: 200, projectGames: 200, scriptGames: 10, json: false });
    expect(parseCommandLine(['balance', '--report', 'x', '--games', '50', '--event-games', '80', '--project-games', '10', '--search-games', '0', '--script-games', '2', '--seed', 's', '--jobs', '2', '--json'])).toEqual({
      command: 'balance-report', scenario: 'x', seed: 's', games: 50, searchGames: 0, eventGames: 50, projectGames: 10, scriptGames: 2, jobs: 2, json: true,
    });
  });

  it.each([
    [['balance', '--report', 'x', '--scenario', 'y'], '--report names the scenario: leave out --scenario'],
    [['balance', '--report', 'x', '--beijing', 'greedy'], '--beijing: the report chooses its own players (varied, search:2 and scripts)'],
    [['balance', '--report', 'x', '--games', '0'], '--games must be a whole number from 1 to 100000 (got "0")'],
    [['balance', '--scenario', 'x', '--seed', 's', '--games', '3', '--search-games', '2'], '--search-games is an option of balance --report'],
    [['balance', '--report', 'x', '--seed', 'x'.repeat(199)], '--seed is 199 characters; with these game counts a seed has at most 196'],
  ])('%j → %s', (argv, message) => expect(refusal(argv)).toBe(message));
});

describe('balance --report', () => {
  it('prints the same report for --jobs 1 and 2, with progress on stderr', async () => {
    const args = ['balance', '--report', 'classroom-short', '--games', '4', '--search-games', '1', '--event-games', '1', '--project-games', '1', '--script-games', '0', '--seed', 'r', '--json'];
    const [one, two] = await Promise.all([cliAsync([...args, '--jobs', '1']), cliAsync([...args, '--jobs', '2'])]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(two.stderr).toMatch(/report: \d+\/\d+ games/);
    const report = JSON.parse(one.stdout) as { varied: { games: number }; events: unknown[]; projects: unknown[] };
    expect(report.varied.games).toBe(4);
    expect(report.events.length).toBeGreaterThan(0);
    expect(report.projects.length).toBeGreaterThan(0);
  }, 120_000);
});
