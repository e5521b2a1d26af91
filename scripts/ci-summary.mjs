// Prints the one summary line CI reads: "N passed, N failed". A failure before the
// tests ran (typecheck, lint, schema check) counts as one failed check.
import { existsSync, readFileSync } from 'node:fs';

const [file, statusText] = process.argv.slice(2);
const status = Number(statusText ?? '1');
let passed = 0;
let failed = 0;
if (file && existsSync(file)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
