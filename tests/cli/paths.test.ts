// Where the command line looks for the files it is named, and what it says when a name
// is wrong. `npm run cli` runs from the package root whatever folder it was typed in, so
// relative names are read from INIT_CWD, the folder npm was run from (issue 11's
// newcomer ran `validate mine.json` in a subfolder and was told there was no such file).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userFolder, userPath } from '../../src/cli/files';
import { nearestShipped, shippedIds } from '../../src/cli/scenarioFile';
import { usageHint } from '../../src/cli/usage';
import { cli, root } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'ngg-paths-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The environment npm gives `npm run cli` typed in `folder`. */
const fromFolder = (folder: string): NodeJS.ProcessEnv => ({ ...process.env, INIT_CWD: folder, npm_lifecycle_event: 'cli' });

describe('relative names', () => {
  it('are read from the folder npm was run in, and only when npm ran the cli script', () => {
    expect(userFolder({ INIT_CWD: '/home/u/sub', npm_lifecycle_event: 'cli' }, '/repo')).toBe('/home/u/sub');
    expect(userPath('mine.json', { INIT_CWD: '/home/u/sub', npm_lifecycle_event: 'cli' }, '/repo')).toBe('/home/u/sub/mine.json');
    // INIT_CWD is inherited by everything npm starts: under `npm test` it says nothing about this process.
    expect(userPath('mine.json', { INIT_CWD: '/home/u/sub', npm_lifecycle_event: 'test' }, '/repo')).toBe('/repo/mine.json');
    expect(userPath('mine.json', {}, '/repo')).toBe('/repo/mine.json');
    expect(userPath('/abs/mine.json', { INIT_CWD: '/home/u/sub', npm_lifecycle_event: 'cli' }, '/repo')).toBe('/abs/mine.json');
  });

  it('validate finds a file in the user’s folder, and a missing one says the path it tried', () => {
    copyFileSync(join(root, 'scenarios/templates/blank.json'), join(tmp, 'mine.json'));
    const ok = cli(['validate', 'mine.json'], { env: fromFolder(tmp) });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/^mine\.json: ok — "My scenario"/);
    expect(ok.code).toBe(0);
    const missing = cli(['validate', 'theirs.json'], { env: fromFolder(tmp) });
    expect(missing.stderr).toBe(`theirs.json: cannot read the file (no such file; tried ${join(tmp, 'theirs.json')})\n`);
    expect(missing.code).toBe(1);
  });

  it('a save is written in the user’s folder', () => {
    const r = cli(['simulate', '--scenario', 'classroom-short', '--seed', '1', '--turns', '1', '--save', 'game.json'], { env: fromFolder(tmp) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(tmp, 'game.json'))).toBe(true);
    expect(existsSync(join(root, 'game.json'))).toBe(false);
    expect(cli(['replay', 'game.json'], { env: fromFolder(tmp) }).stdout).toMatch(/^game\.json: ok — scenario "classroom-short"/);
  });
});

describe('a mistyped scenario id', () => {
  it('is said to be no shipped scenario, with the shipped ids and the closest', () => {
    const r = cli(['sources', 'samarkand']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`no shipped scenario "samarkand" (did you mean samarkand-2022?); shipped: ${shippedIds().join(', ')}\n`);
    expect(r.code).toBe(1);
  });

  it('suggests a slip of spelling, a left-off year, or nothing when nothing is near', () => {
    const ids = ['astana-2024', 'classroom-short', 'samarkand-2022', 'xian-2023'];
    expect(nearestShipped('xain-2023', ids)).toBe('xian-2023');
    expect(nearestShipped('classroom', ids)).toBe('classroom-short');
    expect(nearestShipped('tokyo', ids)).toBeUndefined();
    expect(shippedIds()).toEqual(ids);
  });
});

describe('a usage error', () => {
  it('prints the error and one line of usage, not the whole text that would bury it', () => {
    const r = cli(['replay']);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['error: replay takes exactly one saved game (got 0)', usageHint('replay')]);
    expect(usageHint('replay')).toBe('usage: npm run --silent cli -- replay <saved-game> (every option: npm run --silent cli -- help)');
    expect(r.code).toBe(2);
  });

  it('with no command or an unknown one, lists the commands and where help is', () => {
    const r = cli(['simulat']);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['error: unknown command "simulat"', 'commands: validate, simulate, replay, debrief, sources, balance; run `npm run --silent cli -- help` for their usage']);
  });
});
