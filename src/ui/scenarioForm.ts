// Form ↔ data mapping for the scenario editor: which fields the form shows, reading and
// writing a value at a JSON path without mutating, and the path spelling the validator
// uses, so a problem can be shown next to its field.

export type PathPart = string | number;

export interface FieldSpec {
  path: PathPart[];
  label: string;
  kind: 'text' | 'number' | 'textarea';
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

interface Shape {
  powers?: { id?: unknown; name?: unknown }[];
  countries?: { id?: unknown; name?: unknown; role?: unknown }[];
}

/** The fields the form offers for this scenario: the ones designers change most. */
export function formFields(json: unknown): FieldSpec[] {
  const s = (json ?? {}) as Shape;
  const fields: FieldSpec[] = [
    { path: ['title'], label: 'Title', kind: 'text' },
    { path: ['summary'], label: 'Summary', kind: 'textarea' },
    { path: ['start'], label: 'Start (YYYY-MM)', kind: 'text' },
    { path: ['turns'], label: 'Turns', kind: 'number' },
    { path: ['monthsPerTurn'], label: 'Months per turn', kind: 'number' },
  ];
  const powers = Array.isArray(s.powers) ? s.powers : [];
  powers.forEach((p, i) => {
    const name = typeof p.name === 'string' ? p.name : `Power ${i + 1}`;
    fields.push(
      { path: ['powers', i, 'income'], label: `${name}: income per turn`, kind: 'number' },
      { path: ['powers', i, 'startBudget'], label: `${name}: starting budget`, kind: 'number' },
      { path: ['powers', i, 'maxCarry'], label: `${name}: budget kept between turns`, kind: 'number' },
    );
  });
  (Array.isArray(s.countries) ? s.countries : []).forEach((c, i) => {
    if (c.role !== 'contested') return;
    const name = typeof c.name === 'string' ? c.name : `Country ${i + 1}`;
    fields.push({ path: ['countries', i, 'importance'], label: `${name}: importance`, kind: 'number' }, { path: ['countries', i, 'stability'], label: `${name}: stability`, kind: 'number' }, { path: ['countries', i, 'sovereignty'], label: `${name}: sovereignty`, kind: 'number' });
    for (const p of powers) if (typeof p.id === 'string') fields.push({ path: ['countries', i, 'influence', p.id], label: `${name}: ${typeof p.name === 'string' ? p.name : p.id} influence`, kind: 'number' });
  });
  return fields;
}

/** A form input's text as the JSON value its field holds (numbers stay numbers when they parse). */
export function fieldValue(kind: FieldSpec['kind'], text: string): unknown {
  if (kind !== 'number') return text;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}
