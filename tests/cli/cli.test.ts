// The command line as a process: exit codes, messages, determinism across processes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as run, root } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'ngg-cli-'));
const cli = (...args: string[]): ReturnType<typeof run> => run(args);

describe('validate', () => {
  it('runs the README example as written: every shipped scenario valid, the JSON Schema skipped', () => {
    const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json')).sort().map((f) => `scenarios/${f}`);
    expect(files).toContain('scenarios/schema.json');
    const r = cli('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    expect(lines).toContain('scenarios/schema.json: skipped — a JSON Schema (the description of the scenario format), not a scenario');
    expect(lines.filter((l) => / ok — /.test(l))).toHaveLength(files.length - 1);
  });
  it('rejects a broken file with path-precise errors and exit 1, without a stack trace', () => {
    const r = cli('validate', 'tests/fixtures/bad-scenarios/misspelt-power.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tests/fixtures/bad-scenarios/misspelt-power.json: countries[0].influence.nrth: found power "nrth"; expected a power id: one of "north", "south"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('simulate', () => {
  it('prints the same state hash in two separate processes, and another for another seed', () => {
    const a = cli('simulate', '--scenario', 'classroom-short', '--seed', '7', '--json');
    const b = cli('simulate', '--scenario', 'classroom-short', '--seed', '7', '--json');
    const c = cli('simulate', '--scenario', 'classroom-short', '--seed', '8', '--json');
    expect(a.code).toBe(0);
    const ja = JSON.parse(a.stdout) as Record<string, unknown>;
    expect(Object.keys(ja)).toEqual(expect.arrayContaining(['scenario', 'seed', 'turns', 'winner', 'scores', 'stateHash']));
    expect(ja.turns).toBe(8);
    expect((JSON.parse(b.stdout) as { stateHash: string }).stateHash).toBe(ja.stateHash);
    expect((JSON.parse(c.stdout) as { stateHash: string }).stateHash).not.toBe(ja.stateHash);
  });
  it('takes one player per power and a turn limit, and rejects unknown players as bad usage', () => {
    const r = cli('simulate', '--scenario', 'samarkand-2022', '--seed', '1', '--beijing', 'random', '--moscow', 'search:1', '--turns', '3', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ turns: 3, players: { beijing: 'random', moscow: 'search:1' } });
    const bad = cli('simulate', '--scenario', 'samarkand-2022', '--seed', '1', '--beijing', 'genius');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--beijing: unknown player "genius"');
  });
  it('an unknown scenario is bad input', () => {
    const r = cli('simulate', '--scenario', 'atlantis-1999', '--seed', '1');
    expect(r.code).toBe(1);
    // An id that is no shipped scenario is said to be one, not a missing file (issue 11).
    expect(r.stderr).toContain('no shipped scenario "atlantis-1999"; shipped: astana-2024, classroom-short');
  });
});

describe('replay', () => {
  const save = join(tmp, 'game.json');
  it('replays a saved game and checks its hashes', () => {
    const sim = cli('simulate', '--scenario', 'classroom-short', '--seed', '3', '--save', save, '--json');
    expect(sim.code).toBe(0);
    const r = cli('replay', save);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`every hash matches; final state ${(JSON.parse(sim.stdout) as { stateHash: string }).stateHash}`);
  });
  it('finds the turn where a tampered save goes wrong', () => {
    const data = JSON.parse(readFileSync(save, 'utf8')) as { turns: { hash: string }[] };
    const t = data.turns[3];
    if (t) t.hash = '0123456789abcdef';
    const bad = join(tmp, 'tampered.json');
    writeFileSync(bad, JSON.stringify(data));
    const r = cli('replay', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('turn 4: replaying gives state');
  });
  it('rejects a corrupted file and illegal saved orders, saying where', () => {
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, readFileSync(save, 'utf8').slice(0, 500));
    expect(cli('replay', broken)).toMatchObject({ code: 1 });
    const data = JSON.parse(readFileSync(save, 'utf8')) as { turns: { orders: Record<string, unknown[]> }[] };
    if (data.turns[1]) data.turns[1].orders.beijing = [{ type: 'project', project: 'moon-base' }];
    const illegal = join(tmp, 'illegal.json');
    writeFileSync(illegal, JSON.stringify(data));
    const r = cli('replay', illegal);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('turn 2: the saved orders are not legal');
    expect(r.stderr).toContain('no project "moon-base"');
  });
});

describe('balance', () => {
  it('gives the same numbers on one worker and on two, with progress on stderr', () => {
    const one = cli('balance', '--scenario', 'classroom-short', '--games', '6', '--seed', 'b', '--jobs', '1', '--json');
    const two = cli('balance', '--scenario', 'classroom-short', '--games', '6', '--seed', 'b', '--jobs', '2', '--json');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stderr).toContain('balance: 6/6 games');
    const a = JSON.parse(one.stdout) as { games: number; wins: Record<string, number>; draws: number };
    expect(a.games).toBe(6);
    expect(Object.values(a.wins).reduce((x, y) => x + y, 0) + a.draws).toBe(6);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('sources', () => {
  it('lists what rests on each article, the assumptions and the calendar, in text and in JSON', () => {
    const r = cli('sources', 'classroom-short');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^What ".+" rests on$/);
    expect(lines[1]).toMatch(/^Calendar: September 2022 to .+; the reporting ends July 2024\.( A "what if" continuation, chosen separately, imagines .+\.)?$/);
    // Every source by outlet, date and title, each followed by what cites it.
    for (const id of ['000_e93177a9f029bdd6', '001_baba1758364c35d9', '002_baee582e96183360', '003_b6de07fd0d646c0f', '004_dc43907925d3983f']) {
      const at = lines.findIndex((l) => l.endsWith(`[${id}]`));
      expect(at, id).toBeGreaterThan(1);
      expect(lines[at + 1]).toMatch(/^ {2}- .+ \(.+\): .+/);
    }
    expect(r.stdout).toContain('Illustrative assumptions, not reported (');
    expect(r.stdout).not.toContain('Uncited values and texts');
    const json = cli('sources', 'classroom-short', '--json');
    expect(json.code).toBe(0);
    const g = JSON.parse(json.stdout) as { scenario: string; sources: { uses: unknown[] }[]; uncited: unknown[]; calendar: { reportingEnds: string } };
    expect(g).toMatchObject({ scenario: 'classroom-short', uncited: [], calendar: { reportingEnds: '2024-07' } });
    expect(g.sources).toHaveLength(5);
  });
  it('needs exactly one scenario, and says when it cannot read it', () => {
    expect(cli('sources').code).toBe(2);
    expect(cli('sources', 'a', 'b').code).toBe(2);
    const missing = cli('sources', join(tmp, 'nowhere.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.json: ');
  });
});

describe('validate --migrate', () => {
  it('reads a file of the first form with notes, and writes it in the current form keeping the original', () => {
    const file = join(tmp, 'old-blank.json');
    const original = readFileSync(join(root, 'tests/fixtures/form1/blank.json'), 'utf8');
    writeFileSync(file, original);
    const plain = cli('validate', file);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`${file}: note: written in form 1 of the format, read as form 3 (validate --migrate writes it so):`);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const migrated = cli('validate', '--migrate', file);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout.trim().split('\n').at(-1)).toBe(`${file}: migrated to form 3; the original is kept as ${join(tmp, 'old-blank.form1.json')}`);
    expect(readFileSync(join(tmp, 'old-blank.form1.json'), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ formatVersion: 3 });
    // Now current: no notes, nothing written.
    const again = cli('validate', '--migrate', file);
    expect(again.stdout.trim().split('\n')).toHaveLength(1);
    // The kept original is never overwritten.
    writeFileSync(file, original);
    const refused = cli('validate', '--migrate', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('that file exists already');
  });
});
