// Reading untrusted files: only regular files, never more than the limit's bytes, decoded
// as the browser decodes them; a save's destination checked before the game.
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadSave, loadScenarioText, MAX_SCENARIO_BYTES } from '../../src/engine';
import { checkSavePath, maxBytesFor, readTextFile, SAVE_LIMIT, SCENARIO_LIMIT } from '../../src/cli/files';
import { InputError } from '../../src/cli/errors';

const tmp = mkdtempSync(join(tmpdir(), 'ngg-files-'));

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

describe('the limits are the engine’s', () => {
  it('a scenario of the engine’s most characters, and a save', () => {
    expect(SCENARIO_LIMIT.maxChars).toBe(MAX_SCENARIO_BYTES);
    const scenarioRefusal = loadScenarioText(' '.repeat(SCENARIO_LIMIT.maxChars + 1));
    expect(scenarioRefusal.ok || scenarioRefusal.error[0]?.found).toBe(`${SCENARIO_LIMIT.maxChars + 1} characters`);
    const saveRefusal = loadSave(' '.repeat(SAVE_LIMIT.maxChars + 1));
    expect(saveRefusal.ok || saveRefusal.error).toContain(`at most ${SAVE_LIMIT.maxChars} are accepted`);
    const saveAtLimit = loadSave(' '.repeat(SAVE_LIMIT.maxChars));
    expect(saveAtLimit.ok || saveAtLimit.error).not.toContain('at most');
  });
});

describe('readTextFile', () => {
  it('drops one leading byte-order mark, as the browser does, and keeps a second', () => {
    const path = join(tmp, 'bom.json');
    writeFileSync(path, '\ufeff{"a":1}');
    expect(readTextFile(path, SCENARIO_LIMIT)).toBe('{"a":1}');
    writeFileSync(path, '\ufeff\ufeff{"a":1}');
    expect(readTextFile(path, SCENARIO_LIMIT)).toBe('\ufeff{"a":1}');
    writeFileSync(path, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(readTextFile(path, SCENARIO_LIMIT)).toBe('{\ufffd}');
  });
  it('reads a file as long as its text could be within the limit, so the engine decides by characters', () => {
    const limit = { what: 'scenario', maxChars: 10 };
    expect(maxBytesFor(limit)).toBe(33);
    const path = join(tmp, 'wide.txt');
    // Ten three-byte characters and a byte-order mark: 33 bytes, 10 characters.
    writeFileSync(path, `\ufeff${'語'.repeat(10)}`);
    expect(readTextFile(path, limit)).toBe('語'.repeat(10));
    writeFileSync(path, `\ufeff${'語'.repeat(10)}x`);
    expect(refusal(() => readTextFile(path, limit))).toBe(`${path}: too large for a scenario (34 bytes; a scenario has at most 10 characters)`);
  });
  it('stops reading at the limit when the size says nothing (a /proc file says 0 bytes)', () => {
    expect(refusal(() => readTextFile('/proc/self/status', { what: 'save', maxChars: 10 }))).toBe('/proc/self/status: too large for a save (more than 33 bytes; a save has at most 10 characters)');
  });
  it('refuses what is not a regular file, without reading or waiting', () => {
    const fifo = join(tmp, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const folder = join(tmp, 'folder');
    mkdirSync(folder);
    symlinkSync('loop', join(tmp, 'loop'));
    symlinkSync('/dev/zero', join(tmp, 'zero.json'));
    expect(refusal(() => readTextFile(fifo, SCENARIO_LIMIT))).toBe(`${fifo}: cannot read the file (it is a named pipe, not a file)`);
    expect(refusal(() => readTextFile(folder, SCENARIO_LIMIT))).toBe(`${folder}: cannot read the file (it is a folder, not a file)`);
    expect(refusal(() => readTextFile('/dev/zero', SCENARIO_LIMIT))).toBe('/dev/zero: cannot read the file (it is a device, not a file)');
    expect(refusal(() => readTextFile(join(tmp, 'zero.json'), SCENARIO_LIMIT))).toBe(`${join(tmp, 'zero.json')}: cannot read the file (it is a device, not a file)`);
    expect(refusal(() => readTextFile(join(tmp, 'loop'), SCENARIO_LIMIT))).toBe(`${join(tmp, 'loop')}: cannot read the file (a loop of symbolic links)`);
    expect(refusal(() => readTextFile(join(tmp, 'none.json'), SCENARIO_LIMIT))).toBe(`${join(tmp, 'none.json')}: cannot read the file (no such file)`);
  });
  it('refuses a file larger than the limit before reading it', () => {
    const huge = join(tmp, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 20 * 1024 ** 3);
    expect(refusal(() => readTextFile(huge, SAVE_LIMIT))).toBe(`${huge}: too large for a save (21474836480 bytes; a save has at most 5000000 characters)`);
  });
  it('says when a file is empty', () => {
    const empty = join(tmp, 'empty.json');
    writeFileSync(empty, '');
    expect(refusal(() => readTextFile(empty, SCENARIO_LIMIT))).toBe(`${empty}: the file is empty`);
  });
});

describe('checkSavePath', () => {
  it('accepts a new file in a folder, or a file to replace', () => {
    expect(() => checkSavePath(join(tmp, 'new.json'))).not.toThrow();
    writeFileSync(join(tmp, 'old.json'), '{}');
    expect(() => checkSavePath(join(tmp, 'old.json'))).not.toThrow();
  });
  it('refuses a folder, a device, a missing folder and a path through a file', () => {
    expect(refusal(() => checkSavePath(tmp))).toBe(`${tmp}: cannot write the save (it is a folder, not a file)`);
    expect(refusal(() => checkSavePath('/dev/null'))).toBe('/dev/null: cannot write the save (it is a device, not a file)');
    expect(refusal(() => checkSavePath(join(tmp, 'nope', 'g.json')))).toBe(`${join(tmp, 'nope', 'g.json')}: cannot write the save (no such folder: ${join(tmp, 'nope')})`);
    writeFileSync(join(tmp, 'file'), '');
    expect(refusal(() => checkSavePath(join(tmp, 'file', 'g.json')))).toBe(`${join(tmp, 'file', 'g.json')}: cannot write the save (a part of the path is not a folder)`);
  });
});
