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

export function getAtPath(root: unknown, path: Path): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathPart, unknown>)[p];
  }
  return cur;
}

/** A copy of `root` with `value` at `path` (objects and lists along the path are copied, not changed). */
export function setAtPath(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathPart, ...PathPart[]];
  const base = root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {};
  const copy: Record<PathPart, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...(base as Record<string, unknown>) };
  (copy as Record<PathPart, unknown>)[head] = setAtPath((base as Record<PathPart, unknown>)[head], rest, value);
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
  const { [last]: _gone, ...rest } = parent as Record<PathPart, unknown>;
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
