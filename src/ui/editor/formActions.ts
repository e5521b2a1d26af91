// What each control of the editor's form does to the scenario, as pure functions of the
// scenario (no DOM): the form's elements carry an action and a path, one delegated handler
// reads them, and this module makes the new scenario. So every edit is testable in Node.
import { addEntry, followMapShape, followName, freshId, singular, switchVariant } from './newEntry';
import { newValue } from './newEntry';
import type { Path } from './paths';
import { getAtPath, moveInList, pathKey, removeAtPath, setAtPath } from './paths';
import type { MapShape } from './references';
import { choicesFor } from './references';
import { removeEntry } from './removeEntry';
import type { SchemaNode } from './schemaNode';
import { discriminatorOf, nodeAt, nodeKind } from './schemaNode';
import { summaryOf } from './labels';

export type FormAction =
  /** A field's value; `final` when the edit ends (names, ids and borders follow then). */
  | { kind: 'set'; path: Path; value: unknown; optional: boolean; final: boolean }
  /** A union (effect, condition, country role) changes kind. */
  | { kind: 'variant'; path: Path; tag: string }
  | { kind: 'add'; path: Path }
  | { kind: 'remove'; path: Path }
  | { kind: 'move'; path: Path; by: -1 | 1 }
  /** An optional part (an order's risk, an early win) is added or removed. */
  | { kind: 'add-part'; path: Path }
  | { kind: 'remove-part'; path: Path }
  /** A citation for `field` in the citations map at `path`. */
  | { kind: 'cite'; path: Path; field: string }
  /** A city added to (or taken off) the route list at `path`. */
  | { kind: 'route-city'; path: Path; city: string }
  /** A new city where the map was clicked. */
  | { kind: 'place-city'; lat: number; lon: number; mapId: string | null };

export interface ActionContext {
  schema: SchemaNode;
  map: readonly MapShape[];
  json: unknown;
}

export interface ActionResult {
  json: unknown;
  /** Parts to open (their keys) and to close. */
  open?: string[];
  close?: string[];
  /** The data-key of the control to focus afterwards. */
  focus?: string;
  /** What to tell the designer. */
  note?: string;
}

const list = (json: unknown, path: Path): unknown[] => {
  const v = getAtPath(json, path);
  return Array.isArray(v) ? v : [];
};
const nameOf = (v: unknown, fallback: string): string => summaryOf(v !== null && typeof v === 'object' ? { ...(v as object), role: undefined } : v, fallback);

export function applyAction(a: FormAction, ctx: ActionContext): ActionResult {
  const { json, schema, map } = ctx;
  const fresh = { json, map };
  switch (a.kind) {
    case 'set': {
      const [top, index, field] = a.path;
      if (a.final && a.path.length === 3 && top === 'countries' && field === 'mapId' && typeof index === 'number' && typeof a.value === 'string') return { json: followMapShape(json, index, a.value, map) };
      let next = a.optional && a.value === '' ? removeAtPath(json, a.path) : setAtPath(json, a.path, a.value);
      if (a.final && a.path.length === 3 && (field === 'name' || field === 'title') && typeof a.value === 'string') next = followName(next, a.path.slice(0, -1), a.value).json;
      return { json: next };
    }
    case 'variant': {
      const node = nodeAt(schema, json, a.path);
      if (!node) return { json };
      return { json: setAtPath(json, a.path, switchVariant(node, a.path, getAtPath(json, a.path), a.tag, fresh)), focus: `f:${pathKey([...a.path, discriminatorOf(node) ?? 'type'])}` };
    }
    case 'add': {
      const node = nodeAt(schema, json, a.path);
      if (!node) return { json };
      const at = pathKey([...a.path, list(json, a.path).length]);
      const simple = ['const', 'enum', 'boolean', 'number', 'text'].includes(nodeKind(node.items ?? {}));
      return { json: addEntry(node, a.path, fresh), open: [at], focus: simple ? `f:${at}` : `open:${at}` };
    }
    case 'remove': {
      const listPath = a.path.slice(0, -1);
      const item = getAtPath(json, a.path);
      const focus = `add:${pathKey(listPath)}`;
      const close = [pathKey(a.path)];
      if (item === null || typeof item !== 'object' || typeof (item as { id?: unknown }).id !== 'string') return { json: removeAtPath(json, a.path), focus, close };
      // An entry with an id takes along what plainly belongs to it (see removeEntry.ts).
      const r = removeEntry(schema, json, a.path);
      const who = nameOf(item, singular(listPath[listPath.length - 1]));
      const n = r.removed.length;
      return { json: r.json, focus, close, note: `Removed ${who}${n ? ` and ${n} thing${n === 1 ? '' : 's'} that referred to it: ${r.removed.join(', ')}` : ''}. Undo brings ${n ? 'them' : 'it'} back.` };
    }
    case 'move': {
      const listPath = a.path.slice(0, -1);
      const from = a.path[a.path.length - 1] as number;
      const to = from + a.by;
      const length = list(json, listPath).length;
      if (to < 0 || to >= length) return { json };
      const fromKey = pathKey(a.path);
      const toKey = pathKey([...listPath, to]);
      // At either end the button that moved it is disabled; the other one takes the focus.
      const dir = a.by < 0 ? (to === 0 ? 'down' : 'up') : to === length - 1 ? 'up' : 'down';
      return { json: moveInList(json, listPath, from, to), open: [toKey], close: [fromKey], focus: `${dir}:${toKey}` };
    }
    case 'add-part': {
      const node = nodeAt(schema, json, a.path);
      if (!node) return { json };
      return { json: setAtPath(json, a.path, newValue(node, a.path, fresh)), open: [pathKey(a.path)], focus: `rm:${pathKey(a.path)}` };
    }
    case 'remove-part':
      return { json: removeAtPath(json, a.path), focus: `add:${pathKey(a.path)}` };
    case 'cite': {
      const at = [...a.path, a.field];
      const sources = choicesFor([...at, 'source'], json, map)?.options ?? [];
      // A field's citations are a list (it may rest on several articles): the first one is made, more are added in the list.
      return { json: setAtPath(json, at, [{ source: sources[0]?.value ?? '', note: 'Paraphrase what the article says.' }]), open: [pathKey(at)], focus: `f:${pathKey([...at, 0, 'note'])}` };
    }
    case 'route-city': {
      const route = list(json, a.path).filter((x): x is string => typeof x === 'string');
      const on = route.includes(a.city);
      const next = on ? route.filter((c) => c !== a.city) : [...route, a.city];
      const name = nameOf(list(json, ['cities']).find((c) => (c as { id?: unknown }).id === a.city), a.city);
      return { json: setAtPath(json, a.path, next), note: on ? `${name} taken off the route.` : `${name} added to the route (stop ${next.length}).` };
    }
    case 'place-city': {
      const country = list(json, ['countries']).find((c) => (c as { mapId?: unknown }).mapId === a.mapId) as { id?: unknown; name?: unknown } | undefined;
      const where = map.find((s) => s.mapId === a.mapId)?.name;
      if (!country || typeof country.id !== 'string') return { json, note: where ? `${where} is not in this scenario: add it under Countries first.` : 'That place is outside every country of the map.' };
      const index = list(json, ['cities']).length;
      const entry = { id: freshId(json, 'new-city'), name: 'New city', country: country.id, lat: a.lat, lon: a.lon, capital: false };
      const node = nodeAt(schema, json, ['cities']);
      return {
        json: addEntry(node ?? {}, ['cities'], fresh, entry),
        open: [pathKey(['cities', index])],
        focus: `f:${pathKey(['cities', index, 'name'])}`,
        note: `A new city added in ${typeof country.name === 'string' ? country.name : country.id} at ${a.lat}°N ${a.lon}°E: give it a name.`,
      };
    }
  }
}
