// Writes scenarios/schema.json from the zod schema (the one source of truth), or with
// --check fails if the committed file is stale. Part of `npm test`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ScenarioSchema } from '../src/engine/schema';

const target = join(dirname(fileURLToPath(import.meta.url)), '../scenarios/schema.json');
const schema = { ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }), $id: 'https://new-great-game.invalid/scenario.schema.json', title: 'New Great Game scenario' };
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current: string;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    process.stderr.write('scenarios/schema.json is out of date with src/engine/schema.ts: run `npm run schema`\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
