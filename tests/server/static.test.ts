// Static files come from dist/ only: no path, encoded or not, reaches a file outside it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticFile } from '../../src/server/http';

const root = mkdtempSync(join(tmpdir(), 'ngg-static-'));
const dist = join(root, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html>');
writeFileSync(join(dist, 'assets', 'app-1234.js'), 'x');
writeFileSync(join(root, 'secret.txt'), 'secret');
symlinkSync(join(root, 'secret.txt'), join(dist, 'link.txt'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('staticFile', () => {
  it('serves index.html for / and files under dist', () => {
    expect(staticFile(dist, '/')?.path).toBe(join(dist, 'index.html'));
    expect(staticFile(dist, '/assets/app-1234.js')?.path).toBe(join(dist, 'assets', 'app-1234.js'));
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2E%2E/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', '/assets', '/index.html%00.js', '/%E0%A4%A', '//etc/passwd', '/nope.js'])('refuses %s', (p) => {
    expect(staticFile(dist, p)).toBeNull();
  });

});
