// Runs the hostile command lines of tests/fixtures/hostile/cli.ts, each as its own
// process: the exact outcome each must produce, and for all of them no hang, no stack
// trace, no exit code but 0, 1 or 2, and nothing printed that a terminal would obey.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Expected } from '../fixtures/hostile/cli';
import { CLI_CASES, NOTHING_UNSAFE } from '../fixtures/hostile/cli';
import { cliAsync, limit } from './run';

// Two processes at a time: the cases are independent, and the machine is shared.
const slot = limit(2);

function check(what: string, output: string, tmp: string, expected: Expected): void {
  const text = output.replaceAll(tmp, '$TMP');
  if (expected instanceof RegExp) expect(text, what).toMatch(expected);
  else expect(text, what).toBe(expected.map((line) => `${line}\n`).join(''));
}

describe.concurrent('hostile command lines', () => {
  for (const c of CLI_CASES) {
    it(c.name, async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'ngg-hostile-'));
      try {
        c.setup?.(tmp);
        // A FIFO or a device must not make the command line wait: 20 s is far more than any case needs.
        const r = await slot(() => cliAsync(c.args.map((a) => a.replaceAll('$TMP', tmp)), { timeout: 20_000 }));
        expect(r.signal, 'ended by itself').toBeNull();
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stdout).toMatch(NOTHING_UNSAFE);
        expect(r.stderr).toMatch(NOTHING_UNSAFE);
        check('stdout', r.stdout, tmp, c.stdout);
        check('stderr', r.stderr, tmp, c.stderr);
        expect(r.code).toBe(c.code);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});
