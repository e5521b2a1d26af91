// The start screen's listing of the shipped scenarios is made at build time from the JSON
// (vite.config.ts, without the engine); it must say what the engine would.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine';
import { listingOf } from '../../src/ui/scenarioListing';
import { listingFromFile } from '../../vite.config';

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json');

describe('the shipped scenarios’ listing', () => {
  it.each(files)('%s: the build-time listing is the engine’s', (file) => {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const loaded = loadScenario(json);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const id = file.replace(/\.json$/, '');
    expect(listingFromFile(id, json)).toEqual(listingOf(id, loaded.value));
  });
});
