// JSON paths as the editor and the validator spell them, and reading and writing a value
// at a path without mutating, so every form edit is an immutable step undo can return to.

export type PathPart = string | number;
export type Path = readonly PathPart[];

/** The validator's spelling of a path: `countries[0].influence.beijing`. */
export function pathKey(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** The key of the path one level up (`countries[0].name` → `countries[0]`), or null at the root. */
export function parentKey(key: string): string | null {
  if (key === '') return null;
  const up = key.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  return up === key ? '' : up;
}

/**
 * The value one step down: a list's element by index, an object's own key. Never an
 * inherited name — a key such as "constructor" or "__proto__" comes from the scenario's
 * text, and reading it from the prototype would hand the editor a built-in.
 */
function child(cur: unknown, p: PathPart): unknown {
  if (Array.isArray(cur)) return typeof p === 'number' ? cur[p] : undefined;
  if (cur === null || typeof cur !== 'object') return undefined;
  const key = String(p);
  return Object.hasOwn(cur, key) ? (cur as Record<string, unknown>)[key] : undefined;
}

/** Writes an own data property, so that even "__proto__" is a key like any other (an assignment would set the prototype). */
function put(target: object, key: PathPart, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function getAtPath(root: unknown, path: Path): unknown {
  let cur = root;
  for (const p of path) cur = child(cur, p);
  return cur;
}

/** A copy of `root` with `value` at `path` (objects and lists along the path are copied, not changed). */
export function setAtPath(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathPart, ...PathPart[]];
  const base = root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {};
  // A list has elements only; a name on it ("length") is no place in the scenario.
  if (Array.isArray(base) && typeof head !== 'number') return root;
  const copy: object = Array.isArray(base) ? [...(base as unknown[])] : { ...base };
  put(copy, head, setAtPath(child(base, head), rest, value));
  return copy;
}

/** A copy of `root` without the key or list element at `path`. */
export function removeAtPath(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1] as PathPart;
  const parent = getAtPath(root, parentPath);
  if (Array.isArray(parent)) return setAtPath(root, parentPath, parent.filter((_, i) => i !== last));
  if (parent === null || typeof parent !== 'object') return root;
  const rest: Record<string, unknown> = { ...parent };
  delete rest[String(last)];
  return setAtPath(root, parentPath, rest);
}

/** A copy of `root` with the list at `listPath` having element `from` moved to `to`. */
export function moveInList(root: unknown, listPath: Path, from: number, to: number): unknown {
  const list = getAtPath(root, listPath);
  if (!Array.isArray(list) || to < 0 || to >= list.length || from === to) return root;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return setAtPath(root, listPath, next);
}
