import { loadSave, stateHash } from '../engine';
import { readTextFile, SAVE_LIMIT } from './files';
import { documentKind, notA } from './documents';
import { InputError } from './errors';
import type { LineWriter } from './terminal';

export function replay(file: string, out: LineWriter): number {
  const text = readTextFile(file, SAVE_LIMIT);
  const other = notA('save', documentKind(text));
  if (other !== null) throw new InputError(`${file}: ${other}`);
  const r = loadSave(text);
  if (!r.ok) throw new InputError(`${file}: ${r.error}`);
  const { record } = r.value;
  const phase = record.state.phase;
  out(`${file}: ok — scenario "${record.scenario.id}", seed ${JSON.stringify(record.seed)}, ${record.turns.length} turns replayed, every hash matches; final state ${stateHash(record.state)}${phase.kind === 'over' ? `; ${phase.reason}` : '; game in progress'}`);
  return 0;
}
