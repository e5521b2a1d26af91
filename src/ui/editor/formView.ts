// The editor's form, drawn from the scenario's JSON Schema: every field of every entry,
// lists with add, remove and move, a drop-down for each kind of union (an effect's type, a
// condition's type, a country's role), drop-downs of the scenario's own ids where a field
// refers to one, and optional parts added or removed with a button. Closed parts are not
// drawn at all, so a large scenario stays quick to edit.
//
// This module only draws: controls carry `data-action` and `data-path` (the JSON path), and
// the editor handles them in one place (formActions.ts says what each does). So the form
// can be redrawn after every edit and patched into the page (morphdom), keeping focus,
// scroll and the element under the pointer.
import { h } from '../dom';
import { labelFor, summaryOf } from './labels';
import { singular } from './newEntry';
import type { Path } from './paths';
import { getAtPath, pathKey } from './paths';
import type { MapShape } from './references';
import { choicesFor, entries, knownFlags, recordKeys } from './references';
import type { SchemaNode } from './schemaNode';
import { discriminatorOf, isRequired, nodeKind, variantFor, variantNames } from './schemaNode';

export interface FormContext {
  schema: SchemaNode;
  map: readonly MapShape[];
  json: unknown;
  /** Keys of open parts. */
  open: ReadonlySet<string>;
  /** Extra views for a path (the route and city maps). */
  extra(path: Path, value: unknown): Element | null;
  /** Each entry's drawing version at the last draw (see `version`), and this draw's. */
  previous: ReadonlyMap<string, string>;
  versions: Map<string, string>;
  /** What every entry's choices depend on (ids and names of countries, powers, cities…). */
  references: string;
}

/** Everything entries' choices and maps are drawn from: when it changes, every entry is drawn again. */
export function referencesOf(json: unknown): string {
  const pick = (key: string, fields: string[]): unknown[] => entries(json, key).map((e) => fields.map((f) => e[f]));
  const tracks = entries(json, 'powers').map((p) => (Array.isArray(p.tracks) ? (p.tracks as { id?: unknown; name?: unknown }[]).map((t) => [t.id, t.name]) : []));
  return JSON.stringify([pick('countries', ['id', 'name', 'role', 'mapId']), pick('powers', ['id', 'name']), tracks, pick('cities', ['id', 'name', 'country', 'lat', 'lon']), pick('sources', ['id', 'title']), pick('organisations', ['id', 'name']), pick('projects', ['id', 'name']), knownFlags(json)]);
}

/**
 * What an entry's drawing depends on: its value, its place in the list, the parts open
 * inside it and the scenario's references. An entry whose version is unchanged is not
 * drawn again: a stub with its id tells the patcher to keep what the page has.
 */
function version(ctx: FormContext, key: string, item: unknown, first: boolean, last: boolean, canRemove: boolean, who: string): string {
  const open = [...ctx.open].filter((k) => k === key || k.startsWith(`${key}.`) || k.startsWith(`${key}[`)).sort();
  return JSON.stringify([item, first, last, canRemove, who, open, ctx.references]);
}

const fieldId = (path: Path): string => idForKey(pathKey(path));
export const idForKey = (key: string): string => `field-${key.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;
const partId = (key: string): string => `part-${key.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '') || 'scenario'}`;
const encode = (path: Path): string => JSON.stringify(path);

/** A form input's text as the JSON value its field holds (numbers stay numbers when they parse). */
export function fieldValue(kind: 'number' | 'text', text: string): unknown {
  if (kind !== 'number') return text;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

const isPrimitive = (n: SchemaNode): boolean => ['const', 'enum', 'boolean', 'number', 'text'].includes(nodeKind(n));

/** A button that does `action` on `path`; `name` is its accessible name when it differs from its text. */
function control(text: string, action: string, path: Path, key: string, attrs: Record<string, string | boolean | undefined> = {}): HTMLButtonElement {
  return h('button', { type: 'button', 'data-action': action, 'data-path': encode(path), 'data-key': key, ...attrs }, text);
}

/** Where problems at `key` show: a field's own message, or a count on a part. */
const slot = (key: string, kind: 'field' | 'part', attrs: Record<string, string> = {}): HTMLElement => h('span', { class: kind === 'field' ? 'field-error' : 'part-problems', 'data-slot': key, 'data-slot-kind': kind, ...attrs });

/** The form's top-level sections: "Scenario" for the plain fields, then one per list or part. */
export function formSections(ctx: FormContext): HTMLElement[] {
  const { json, schema: root } = ctx;
  const props = Object.entries(root.properties ?? {}).filter(([k]) => k !== '$schema');
  const plain = props.filter(([, n]) => isPrimitive(n));
  const sections: HTMLElement[] = [collapsible(ctx, [], 'Scenario', () => plain.map(([k, n]) => primitiveField(ctx, n, getAtPath(json, [k]), [k], labelFor(k), '', !isRequired(root, k) && n.default === undefined)), 'section')];
  for (const [k, n] of props.filter(([, n]) => !isPrimitive(n))) {
    const value = getAtPath(json, [k]);
    const count = Array.isArray(value) ? ` (${value.length})` : '';
    sections.push(collapsible(ctx, [k], `${labelFor(k)}${count}`, () => [describe(n), ctx.extra([k], value), ...inner(ctx, n, value, [k], labelFor(k), '')], 'section'));
  }
  return sections;
}

/** A <details> drawn with its content only when open. */
function collapsible(ctx: FormContext, path: Path, title: string, build: () => (Element | null)[], level: 'section' | 'item', context = ''): HTMLElement {
  const key = pathKey(path);
  const open = ctx.open.has(key);
  const details = h('details', { class: level, id: partId(key), 'data-part': key, open }, h('summary', { 'data-key': `open:${key}` }, title, ' ', slot(key, 'part')));
  if (context) details.dataset.context = context;
  if (open) details.append(...build().filter((x): x is Element => x !== null));
  return details;
}

function describe(n: SchemaNode): HTMLElement | null {
  return n.description ? h('p', { class: 'hint' }, n.description) : null;
}

/** The parts of a value of any kind, without a frame of its own (the caller frames it). */
function inner(ctx: FormContext, node: SchemaNode, value: unknown, path: Path, label: string, context: string): Element[] {
  switch (nodeKind(node)) {
    case 'union':
      return unionParts(ctx, node, value, path, label, context);
    case 'object':
      return objectFields(ctx, node, value, path, context);
    case 'record':
      return recordFields(ctx, node, value, path, context);
    case 'list':
      return [listView(ctx, node, value, path, label, context)];
    default:
      return [primitiveField(ctx, node, value, path, label, context, false)];
  }
}

/** A value in a frame of its own: a fieldset for parts, the field itself for plain values. */
function framed(ctx: FormContext, node: SchemaNode, value: unknown, path: Path, label: string, context: string, remove?: HTMLElement): HTMLElement {
  const kind = nodeKind(node);
  if (kind === 'list') return listView(ctx, node, value, path, label, context);
  if (kind !== 'union' && kind !== 'object' && kind !== 'record') return primitiveField(ctx, node, value, path, label, context, false);
  return h('fieldset', { class: 'part', id: partId(pathKey(path)) }, h('legend', {}, label), describe(node), slot(pathKey(path), 'field', { id: `${fieldId(path)}-error` }), ...inner(ctx, node, value, path, label, context), remove ?? null);
}

function unionParts(ctx: FormContext, node: SchemaNode, value: unknown, path: Path, label: string, context: string): Element[] {
  const d = discriminatorOf(node);
  const variant = variantFor(node, value);
  if (d === null) return objectFields(ctx, variant, value, path, context);
  const id = fieldId([...path, d]);
  const current = value !== null && typeof value === 'object' ? String(getAtPath(value, [d])) : '';
  const select = h('select', { id, 'data-action': 'variant', 'data-path': encode(path), 'data-key': `f:${pathKey([...path, d])}` }, ...variantNames(node).map((n) => h('option', { value: n, selected: n === current }, n)));
  const hint = node.oneOf?.[0]?.properties?.[d]?.description;
  return [h('div', { class: 'field' }, h('label', { for: id }, srContext(context), `${label}: ${labelFor(d).toLowerCase()}`), hint ? h('p', { class: 'hint' }, hint) : null, select), ...objectFields(ctx, variant, value, path, context, d)];
}

function objectFields(ctx: FormContext, node: SchemaNode, value: unknown, path: Path, context: string, skip?: string): Element[] {
  const out: Element[] = [];
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const named = (text: string): string => `${context ? `${context}: ` : ''}${text}`;
  for (const [k, child] of Object.entries(node.properties ?? {})) {
    if (k === skip || k === '$schema') continue;
    const v = getAtPath(obj, [k]);
    const at = [...path, k];
    const optional = !isRequired(node, k) && child.default === undefined;
    const label = labelFor(k);
    if (isPrimitive(child)) {
      if (child.const === undefined) out.push(primitiveField(ctx, child, v, at, label, context, optional));
      continue;
    }
    if (optional && v === undefined) {
      out.push(control(`Add ${label.toLowerCase()}`, 'add-part', at, `add:${pathKey(at)}`, { class: 'add', 'aria-label': named(`Add ${label.toLowerCase()}`) }));
      continue;
    }
    const remove = optional ? control(`Remove ${label.toLowerCase()}`, 'remove-part', at, `rm:${pathKey(at)}`, { 'aria-label': named(`Remove ${label.toLowerCase()}`) }) : undefined;
    out.push(framed(ctx, child, v, at, label, context, remove));
  }
  return out;
}

function recordFields(ctx: FormContext, node: SchemaNode, value: unknown, path: Path, context: string): Element[] {
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const valueNode = typeof node.additionalProperties === 'object' ? node.additionalProperties : {};
  const keyed = recordKeys(path, ctx.json);
  if (keyed) {
    // One field per power, whether or not the file has it yet (the validator asks for each).
    const { description: _same, ...plain } = valueNode;
    const keys = [...keyed, ...Object.keys(obj).filter((k) => !keyed.some((c) => c.value === k)).map((k) => ({ value: k, label: k }))];
    return keys.map((k) => primitiveField(ctx, plain, getAtPath(obj, [k.value]), [...path, k.value], k.label, context, true));
  }
  // Citations: one part per cited field, and a way to cite another field of the entry.
  const out: Element[] = Object.keys(obj).map((k) => framed(ctx, valueNode, getAtPath(obj, [k]), [...path, k], `Citations for "${k}"`, context, control(`Remove the citations for "${k}"`, 'remove-part', [...path, k], `rm:${pathKey([...path, k])}`)));
  const owner = getAtPath(ctx.json, path.slice(0, -1));
  const fields = owner !== null && typeof owner === 'object' ? Object.keys(owner).filter((k) => k !== 'citations' && k !== 'id' && !Object.hasOwn(obj, k)) : [];
  if (fields.length > 0) {
    const id = `${fieldId(path)}-new`;
    out.push(
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: id }, srContext(context), 'Cite a source for the field'),
        h('select', { id, 'data-key': `pick:${pathKey(path)}` }, ...fields.map((f) => h('option', { value: f }, f))),
        control('Add a citation', 'cite', path, `add:${pathKey(path)}`, { 'data-pick': id }),
      ),
    );
  }
  return out;
}

function listView(ctx: FormContext, node: SchemaNode, value: unknown, path: Path, label: string, context: string): HTMLElement {
  const items = Array.isArray(value) ? value : [];
  const itemNode = node.items ?? {};
  const key = pathKey(path);
  const name = singular(path[path.length - 1]);
  const article = /^[aeiou]/.test(name) ? 'an' : 'a';
  const simple = isPrimitive(itemNode);
  const rows = items.map((item, i) => {
    const at = [...path, i];
    const itemKey = pathKey(at);
    // Top-level entries go by their name ("Kazakhstan: Stability"), nested ones by place ("Summit, effect 2").
    const who = path.length === 1 && !simple ? summaryOf(item !== null && typeof item === 'object' ? { ...item, role: undefined } : item, `${name} ${i + 1}`) : `${context ? `${context}, ` : ''}${name} ${i + 1}`;
    const controls = h(
      'div',
      { class: 'item-controls' },
      control('Move up', 'up', at, `up:${itemKey}`, { disabled: i === 0, 'aria-label': `Move up: ${who}` }),
      control('Move down', 'down', at, `down:${itemKey}`, { disabled: i === items.length - 1, 'aria-label': `Move down: ${who}` }),
      control('Remove', 'remove', at, `rm:${itemKey}`, { disabled: items.length <= (node.minItems ?? 0), 'aria-label': `Remove ${who}` }),
    );
    if (simple) return h('div', { class: 'list-row' }, primitiveField(ctx, itemNode, item, at, `${name.charAt(0).toUpperCase()}${name.slice(1)} ${i + 1}`, context, false), controls);
    const title = summaryOf(item, `${name} ${i + 1}`);
    const v = version(ctx, itemKey, item, i === 0, i === items.length - 1, items.length > (node.minItems ?? 0), who);
    ctx.versions.set(itemKey, v);
    if (ctx.previous.get(itemKey) === v) return h('details', { class: 'item', id: partId(itemKey), 'data-part': itemKey, 'data-v': v });
    const details = collapsible(ctx, at, title, () => [controls, ...inner(ctx, itemNode, item, at, title, who), ctx.extra(at, item)], 'item', who);
    details.dataset.v = v;
    return details;
  });
  const full = node.maxItems !== undefined && items.length >= node.maxItems;
  const add = control(`Add ${article} ${name}`, 'add', path, `add:${key}`, { disabled: full, class: 'add', 'aria-label': `${context ? `${context}: ` : ''}Add ${article} ${name}` });
  // A top-level list sits in a section that already says its name and count.
  const legend = h('legend', { class: path.length === 1 ? 'sr-only' : undefined }, `${label} (${items.length})`);
  const extra = path.length > 1 && simple ? ctx.extra(path, value) : null;
  return h('fieldset', { class: 'list', id: `list-${partId(key)}` }, legend, path.length > 1 ? describe(node) : null, slot(key, 'field', { id: `${fieldId(path)}-error` }), ...rows, add, extra);
}

/** Visually hidden context ("Kazakhstan: ") so every field's name is unique for screen readers. */
function srContext(context: string): HTMLElement | null {
  return context ? h('span', { class: 'sr-only' }, `${context}: `) : null;
}

function primitiveField(ctx: FormContext, node: SchemaNode, value: unknown, path: Path, label: string, context: string, optional: boolean): HTMLElement {
  const id = fieldId(path);
  const key = pathKey(path);
  const error = slot(key, 'field', { id: `${id}-error` });
  const hintId = node.description ? `${id}-hint` : undefined;
  const common = { id, 'data-key': `f:${key}`, 'data-path': encode(path), 'data-optional': optional ? 'yes' : undefined, 'aria-describedby': [hintId, `${id}-error`].filter(Boolean).join(' ') };
  const kind = nodeKind(node);
  const choices = choicesFor(path, ctx.json, ctx.map);
  const text = value === undefined ? '' : String(value);
  const hint = node.description ? h('p', { class: 'hint', id: hintId }, node.description) : null;
  const labelled = h('label', { for: id }, srContext(context), label);
  if (kind === 'boolean') return h('div', { class: 'field check' }, h('input', { ...common, type: 'checkbox', 'data-field': 'bool', checked: value === true }), labelled, hint, error);
  let input: HTMLElement;
  let list: HTMLElement | null = null;
  if (kind === 'enum' || (choices && !choices.open)) {
    const options = kind === 'enum' ? (node.enum ?? []).map((v) => ({ value: String(v), label: String(v) })) : (choices?.options ?? []);
    // A value the scenario does not define stays visible, so its problem can be seen and fixed.
    const all = [...(optional || value === undefined ? [{ value: '', label: optional ? '(none)' : '(choose)' }] : []), ...options, ...(text !== '' && !options.some((o) => o.value === text) ? [{ value: text, label: `${text} (not defined in this scenario)` }] : [])];
    input = h('select', { ...common, 'data-field': 'text' }, ...all.map((o) => h('option', { value: o.value, selected: o.value === text }, o.label)));
  } else if (kind === 'text' && (node.maxLength ?? 0) > 150) {
    input = h('textarea', { ...common, rows: '3', 'data-field': 'text' });
    (input as HTMLTextAreaElement).value = text;
  } else {
    const listId = choices?.open ? `${id}-choices` : undefined;
    input = h('input', { ...common, type: 'text', class: kind === 'number' ? 'num' : 'wide', inputmode: kind === 'number' ? 'numeric' : undefined, list: listId, 'data-field': kind === 'number' ? 'number' : 'text', value: text });
    (input as HTMLInputElement).value = text;
    if (listId) list = h('datalist', { id: listId }, ...(choices?.options ?? []).map((o) => h('option', { value: o.value })));
  }
  return h('div', { class: 'field' }, labelled, hint, input, list, error);
}
