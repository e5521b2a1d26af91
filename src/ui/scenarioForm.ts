// Form ↔ data mapping for the scenario editor: which fields the form shows, reading and
// writing a value at a JSON path without mutating, and the path spelling the validator
// uses, so a problem can be shown next to its field.

export type PathPart = string | number;

export interface FieldSpec {
  path: PathPart[];
  label: string;
  kind: 'text' | 'number' | 'textarea' | 'select';
  /** The form section the field belongs to. */
  group: string;
  /** For a select: the allowed values. */
  options?: string[];
}

/** The validator's spelling of a path: `countries[0].influence.beijing`. */
export function pathKey(path: readonly PathPart[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

export function getAtPath(root: unknown, path: readonly PathPart[]): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathPart, unknown>)[p];
  }
  return cur;
}

/** A copy of `root` with `value` at `path` (objects and lists along the path are copied, not changed). */
export function setAtPath(root: unknown, path: readonly PathPart[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathPart, ...PathPart[]];
  const base = root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {};
  const copy: Record<PathPart, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...(base as Record<string, unknown>) };
  (copy as Record<PathPart, unknown>)[head] = setAtPath((base as Record<PathPart, unknown>)[head], rest, value);
  return copy;
}

interface Named {
  id?: unknown;
  name?: unknown;
  title?: unknown;
}

interface Shape {
  powers?: Named[];
  countries?: (Named & { role?: unknown })[];
  cities?: Named[];
  actions?: Named[];
  projects?: Named[];
  events?: Named[];
  sources?: Named[];
}

const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
const nameOf = (x: Named, fallback: string): string => (typeof x.name === 'string' ? x.name : typeof x.title === 'string' ? x.title : fallback);

/** The fields the form offers for this scenario, by section; everything else is edited in the text. */
export function formFields(json: unknown): FieldSpec[] {
  const s = (json ?? {}) as Shape;
  const f = (group: string, path: PathPart[], label: string, kind: FieldSpec['kind'] = 'number', options?: string[]): FieldSpec => ({ group, path, label, kind, ...(options ? { options } : {}) });
  const fields: FieldSpec[] = [f('Scenario', ['title'], 'Title', 'text'), f('Scenario', ['summary'], 'Summary', 'textarea'), f('Scenario', ['start'], 'Start (YYYY-MM)', 'text'), f('Scenario', ['turns'], 'Turns'), f('Scenario', ['monthsPerTurn'], 'Months per turn')];
  const powers = list(s.powers);
  powers.forEach((p, i) => {
    const name = nameOf(p, `Power ${i + 1}`);
    fields.push(f('Powers', ['powers', i, 'income'], `${name}: income per turn`), f('Powers', ['powers', i, 'startBudget'], `${name}: starting budget`), f('Powers', ['powers', i, 'maxCarry'], `${name}: budget kept between turns`));
  });
  list(s.countries).forEach((c, i) => {
    if (c.role !== 'contested') return;
    const name = nameOf(c, `Country ${i + 1}`);
    fields.push(f('Countries', ['countries', i, 'importance'], `${name}: importance`), f('Countries', ['countries', i, 'stability'], `${name}: stability`), f('Countries', ['countries', i, 'sovereignty'], `${name}: sovereignty`));
    for (const p of powers) if (typeof p.id === 'string') fields.push(f('Countries', ['countries', i, 'influence', p.id], `${name}: ${nameOf(p, p.id)} influence`));
  });
  list(s.cities).forEach((c, i) => {
    const name = nameOf(c, `City ${i + 1}`);
    fields.push(f('Cities', ['cities', i, 'name'], `City ${i + 1}: name`, 'text'), f('Cities', ['cities', i, 'lat'], `${name}: latitude`), f('Cities', ['cities', i, 'lon'], `${name}: longitude`));
  });
  list(s.actions).forEach((a, i) => {
    const name = nameOf(a, `Action ${i + 1}`);
    fields.push(f('Actions', ['actions', i, 'name'], `Action ${i + 1}: name`, 'text'), f('Actions', ['actions', i, 'cost'], `${name}: cost`), f('Actions', ['actions', i, 'influence'], `${name}: base influence`));
  });
  list(s.projects).forEach((p, i) => {
    const name = nameOf(p, `Project ${i + 1}`);
    fields.push(f('Projects', ['projects', i, 'name'], `Project ${i + 1}: name`, 'text'), f('Projects', ['projects', i, 'cost'], `${name}: cost`), f('Projects', ['projects', i, 'buildTurns'], `${name}: turns to build`));
  });
  const sources = list(s.sources).flatMap((x) => (typeof x.id === 'string' ? [x.id] : []));
  list(s.events).forEach((e, i) => {
    const name = nameOf(e, `Event ${i + 1}`);
    fields.push(
      f('Events', ['events', i, 'title'], `Event ${i + 1}: title`, 'text'),
      f('Events', ['events', i, 'text'], `${name}: card text`, 'textarea'),
      f('Events', ['events', i, 'source'], `${name}: source article`, 'select', sources),
      f('Events', ['events', i, 'whatHappened'], `${name}: what really happened`, 'textarea'),
    );
  });
  return fields;
}

/** A form input's text as the JSON value its field holds (numbers stay numbers when they parse). */
export function fieldValue(kind: FieldSpec['kind'], text: string): unknown {
  if (kind !== 'number') return text;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}
