// The command line's output depends on its arguments and files only: not on the locale
// (LANG, LC_ALL) nor on the time zone of the machine that runs it.
import { describe, expect, it } from 'vitest';
import { cli } from './run';

/** The environment without any locale or time-zone setting, plus the ones given. */
function envWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k === 'LANG' || k === 'LANGUAGE' || k === 'TZ' || k.startsWith('LC_')) delete env[k];
  return { ...env, ...settings };
}

// Danish collation sorts "aa" as "å", after "z"; Turkish has its own i; C is plain bytes.
const ENVIRONMENTS: Record<string, string>[] = [
  { LANG: 'C', TZ: 'UTC' },
  { LANG: 'tr_TR.UTF-8', TZ: 'Pacific/Kiritimati' },
  { LC_ALL: 'da_DK.UTF-8', TZ: 'America/St_Johns' },
  { LANG: 'C', LC_COLLATE: 'da_DK.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'Asia/Kathmandu' },
];

describe('output does not depend on locale or time zone', () => {
  it('balance --json gives the same bytes (openings with equal counts are ordered by code unit, not by the locale)', () => {
    // The fixture's country "aaland" sorts before "kazakhstan" by code unit and after it in Danish.
    const args = ['balance', '--scenario', 'tests/fixtures/hostile/files/cli-locale-aaland.json', '--games', '6', '--seed', 'b', '--jobs', '1', '--json'];
    const outputs = ENVIRONMENTS.map((env) => cli(args, { env: envWith(env) }));
    for (const r of outputs) expect(r.code).toBe(0);
    for (const r of outputs.slice(1)) expect(r.stdout).toBe(outputs[0]?.stdout);
    const openings = (JSON.parse(outputs[0]?.stdout ?? '') as { openings: Record<string, { opening: string; games: number }[]> }).openings;
    for (const list of Object.values(openings)) {
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1], list[i]];
        if (a && b && a.games === b.games) expect(a.opening < b.opening).toBe(true);
      }
    }
  });
  it('simulate prints the same text', () => {
    const args = ['simulate', '--scenario', 'classroom-short', '--seed', 'tz', '--turns', '3'];
    const [a, b] = [ENVIRONMENTS[0], ENVIRONMENTS[2]].map((env) => cli(args, { env: envWith(env ?? {}) }));
    expect(a?.code).toBe(0);
    expect(b?.stdout).toBe(a?.stdout);
  });
});
