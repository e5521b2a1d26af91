import { loadSave, stateHash } from '../engine';
import { readText } from './scenarioFile';
import { InputError } from './errors';

export function replay(file: string, out: (line: string) => void): number {
  const r = loadSave(readText(file));
  if (!r.ok) throw new InputError(`${file}: ${r.error}`);
  const { record } = r.value;
  const phase = record.state.phase;
  out(`${file}: ok — scenario "${record.scenario.id}", seed "${record.seed}", ${record.turns.length} turns replayed, every hash matches; final state ${stateHash(record.state)}${phase.kind === 'over' ? `; ${phase.reason}` : '; game in progress'}`);
  return 0;
}
