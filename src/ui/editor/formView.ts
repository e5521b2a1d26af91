// The editor's form, built from the scenario's JSON Schema: every field of every entry,
// lists with add, remove and move, a drop-down for each kind of union (an effect's type, a
// condition's type, a country's role), drop-downs of the scenario's own ids where a field
// refers to one, and optional parts added or removed with a button. List items are
// collapsed and built only when opened, so a large scenario stays quick to edit.
import { button, h } from '../dom';
import { labelFor, summaryOf } from './labels';
import { addEntry, followMapShape, followName, singular, switchVariant } from './newEntry';
import { removeEntry } from './removeEntry';
import type { NewValueContext } from './newEntry';
import { newValue } from './newEntry';
import type { Path } from './paths';
import { getAtPath, moveInList, pathKey, removeAtPath, setAtPath } from './paths';
import type { MapShape } from './references';
import { choicesFor, recordKeys } from './references';
import type { SchemaNode } from './schemaNode';
import { discriminatorOf, isRequired, nodeKind, variantFor, variantNames } from './schemaNode';

export interface FormHost {
  schema: SchemaNode;
  map: readonly MapShape[];
  /** The scenario as the form last saw it (valid JSON). */
  json(): unknown;
  /** A new version of the whole scenario; `focus` is the data-key to focus after the form is rebuilt. */
  commit(next: unknown, how: { rebuild: boolean; focus?: string }): void;
  /** Keys of open collapsible parts (kept across rebuilds). */
  open: Set<string>;
  /** Where problems at or below a path are shown. */
  register(key: string, slot: ProblemSlot): void;
  /** Says something to the designer (a live region). */
  announce(text: string): void;
  /** A part was opened or closed (problems inside a closed part are counted on it). */
  toggled(): void;
  /** Extra views for a path (the route and city maps). */
  extra(path: Path, value: unknown): HTMLElement | null;
}

export interface ProblemSlot {
  element: HTMLElement;
  /** A field shows its own problem; a collapsed part counts the problems inside it. */
  kind: 'field' | 'part';
}

export const fieldId = (path: Path): string => `field-${pathKey(path).replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** A form input's text as the JSON value its field holds (numbers stay numbers when they parse). */
export function fieldValue(kind: 'number' | 'text', text: string): unknown {
  if (kind !== 'number') return text;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

const isPrimitive = (n: SchemaNode): boolean => ['const', 'enum', 'boolean', 'number', 'text'].includes(nodeKind(n));

/** The form's top-level sections: "Scenario" for the plain fields, then one per list or part. */
export function formSections(host: FormHost): HTMLElement[] {
  const json = host.json();
  const root = host.schema;
  const props = Object.entries(root.properties ?? {}).filter(([k]) => k !== '$schema');
  const plain = props.filter(([, n]) => isPrimitive(n));
  const sections: HTMLElement[] = [
    collapsible(host, '', 'Scenario', () => plain.map(([k, n]) => primitiveField(host, n, getAtPath(json, [k]), [k], labelFor(k), '', !isRequired(root, k) && n.default === undefined))),
  ];
  for (const [k, n] of props.filter(([, n]) => !isPrimitive(n))) {
    const value = getAtPath(json, [k]);
    const count = Array.isArray(value) ? ` (${value.length})` : '';
    sections.push(collapsible(host, k, `${labelFor(k)}${count}`, () => [describe(n), host.extra([k], value), ...inner(host, n, value, [k], labelFor(k), '')]));
  }
  return sections;
}

/** A <details> whose content is built the first time it opens; its open state survives rebuilds. */
function collapsible(host: FormHost, key: string, title: string, build: () => (HTMLElement | null)[], level: 'section' | 'item' = 'section'): HTMLElement {
  const badge = h('span', { class: 'part-problems' });
  const summary = h('summary', { 'data-key': `open:${key}` }, title, ' ', badge);
  const details = h('details', { class: level, 'data-path': key }, summary);
  host.register(key, { element: badge, kind: 'part' });
  let built = false;
  const fill = (): void => {
    if (built) return;
    built = true;
    details.append(...build().filter((x): x is HTMLElement => x !== null));
  };
  if (host.open.has(key)) {
    details.open = true;
    fill();
  }
  details.addEventListener('toggle', () => {
    if (details.open) {
      host.open.add(key);
      fill();
    } else host.open.delete(key);
    host.toggled();
  });
  return details;
}

function describe(n: SchemaNode): HTMLElement | null {
  return n.description ? h('p', { class: 'hint' }, n.description) : null;
}

/** The parts of a value of any kind, without a frame of its own (the caller frames it). */
function inner(host: FormHost, node: SchemaNode, value: unknown, path: Path, label: string, context: string): HTMLElement[] {
  switch (nodeKind(node)) {
    case 'union':
      return unionParts(host, node, value, path, label, context);
    case 'object':
      return objectFields(host, node, value, path, context);
    case 'record':
      return recordFields(host, node, value, path, context);
    case 'list':
      return [listView(host, node, value, path, label, context)];
    default:
      return [primitiveField(host, node, value, path, label, context, false)];
  }
}

/** A value in a frame of its own: a fieldset for parts, the field itself for plain values. */
function framed(host: FormHost, node: SchemaNode, value: unknown, path: Path, label: string, context: string, remove?: HTMLElement): HTMLElement {
  const kind = nodeKind(node);
  if (kind === 'list') return listView(host, node, value, path, label, context);
  if (kind !== 'union' && kind !== 'object' && kind !== 'record') return primitiveField(host, node, value, path, label, context, false);
  const key = pathKey(path);
  const problem = h('span', { class: 'field-error', id: `${fieldId(path)}-error` });
  host.register(key, { element: problem, kind: 'field' });
  return h('fieldset', { class: 'part' }, h('legend', {}, label), describe(node), problem, ...inner(host, node, value, path, label, context), remove ?? null);
}

function unionParts(host: FormHost, node: SchemaNode, value: unknown, path: Path, label: string, context: string): HTMLElement[] {
  const d = discriminatorOf(node);
  const variant = variantFor(node, value);
  if (d === null) return objectFields(host, variant, value, path, context);
  const names = variantNames(node);
  const id = fieldId([...path, d]);
  const current = value !== null && typeof value === 'object' ? String((value as Record<string, unknown>)[d]) : '';
  const select = h('select', { id, 'data-key': `f:${pathKey([...path, d])}` }, ...names.map((n) => h('option', { value: n, selected: n === current }, n)));
  select.addEventListener('change', () => {
    const ctx: NewValueContext = { json: host.json(), map: host.map };
    host.commit(setAtPath(ctx.json, path, switchVariant(node, path, getAtPath(ctx.json, path), select.value, ctx)), { rebuild: true, focus: `f:${pathKey([...path, d])}` });
  });
  const hint = variantsHint(node, d);
  return [
    h('div', { class: 'field' }, h('label', { for: id }, srContext(context), `${label}: ${labelFor(d).toLowerCase()}`), hint, select),
    ...objectFields(host, variant, value, path, context, d),
  ];
}

function variantsHint(node: SchemaNode, d: string): HTMLElement | null {
  const text = node.oneOf?.[0]?.properties?.[d]?.description;
  return text ? h('p', { class: 'hint' }, text) : null;
}

function objectFields(host: FormHost, node: SchemaNode, value: unknown, path: Path, context: string, skip?: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  for (const [k, child] of Object.entries(node.properties ?? {})) {
    if (k === skip || k === '$schema') continue;
    const v = obj[k];
    const at = [...path, k];
    const optional = !isRequired(node, k) && child.default === undefined;
    const label = labelFor(k);
    if (isPrimitive(child)) {
      if (child.const !== undefined) continue;
      out.push(primitiveField(host, child, v, at, label, context, optional));
      continue;
    }
    if (optional && v === undefined) {
      out.push(button(`Add ${label.toLowerCase()}`, () => {
        const ctx: NewValueContext = { json: host.json(), map: host.map };
        host.open.add(pathKey(at));
        host.commit(setAtPath(ctx.json, at, newValue(child, at, ctx)), { rebuild: true, focus: `rm:${pathKey(at)}` });
      }, { 'data-key': `add:${pathKey(at)}`, 'aria-label': `${context ? `${context}: ` : ''}Add ${label.toLowerCase()}`, class: 'add' }));
      continue;
    }
    const remove = optional
      ? button(`Remove ${label.toLowerCase()}`, () => host.commit(removeAtPath(host.json(), at), { rebuild: true, focus: `add:${pathKey(at)}` }), { 'data-key': `rm:${pathKey(at)}`, 'aria-label': `${context ? `${context}: ` : ''}Remove ${label.toLowerCase()}` })
      : undefined;
    out.push(framed(host, child, v, at, label, context, remove));
  }
  return out;
}

function recordFields(host: FormHost, node: SchemaNode, value: unknown, path: Path, context: string): HTMLElement[] {
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const valueNode = typeof node.additionalProperties === 'object' ? node.additionalProperties : {};
  const keyed = recordKeys(path, host.json());
  if (keyed) {
    // One field per power, whether or not the file has it yet (the validator asks for each).
    const keys = [...keyed, ...Object.keys(obj).filter((k) => !keyed.some((c) => c.value === k)).map((k) => ({ value: k, label: k }))];
    const { description: _same, ...plain } = valueNode;
    return keys.map((k) => primitiveField(host, plain, obj[k.value], [...path, k.value], k.label, context, true));
  }
  // Citations: one part per cited field, and a way to cite another field of the entry.
  const out: HTMLElement[] = Object.keys(obj).map((k) =>
    framed(host, valueNode, obj[k], [...path, k], `${labelFor('citations').replace(/s$/, '')} for "${k}"`, context, button(`Remove the citation for "${k}"`, () => host.commit(removeAtPath(host.json(), [...path, k]), { rebuild: true, focus: `add:${pathKey(path)}` }), { 'data-key': `rm:${pathKey([...path, k])}` })),
  );
  const owner = getAtPath(host.json(), path.slice(0, -1));
  const fields = owner !== null && typeof owner === 'object' ? Object.keys(owner).filter((k) => k !== 'citations' && k !== 'id' && !(k in obj)) : [];
  if (fields.length > 0) {
    const id = `${fieldId(path)}-new`;
    const pick = h('select', { id, 'data-key': `pick:${pathKey(path)}` }, ...fields.map((f) => h('option', { value: f }, f)));
    out.push(
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: id }, srContext(context), 'Cite a source for the field'),
        pick,
        button('Add a citation', () => {
          const json = host.json();
          const sources = choicesFor([...path, pick.value, 'source'], json, host.map)?.options ?? [];
          const at = [...path, pick.value];
          host.commit(setAtPath(json, at, { source: sources[0]?.value ?? '', note: 'Paraphrase what the article says.' }), { rebuild: true, focus: `f:${pathKey([...at, 'note'])}` });
        }, { 'data-key': `add:${pathKey(path)}` }),
      ),
    );
  }
  return out;
}

function listView(host: FormHost, node: SchemaNode, value: unknown, path: Path, label: string, context: string): HTMLElement {
  const items = Array.isArray(value) ? value : [];
  const itemNode = node.items ?? {};
  const key = pathKey(path);
  const name = singular(path[path.length - 1]);
  const problem = h('span', { class: 'field-error', id: `${fieldId(path)}-error` });
  host.register(key, { element: problem, kind: 'field' });
  const simple = isPrimitive(itemNode);
  // A moved entry stays open (or closed) and keeps the focus on the button that moved it.
  const move = (from: number, to: number, dir: 'up' | 'down'): void => {
    const a = pathKey([...path, from]);
    const b = pathKey([...path, to]);
    const aOpen = host.open.has(a);
    const bOpen = host.open.has(b);
    host.open.delete(a);
    host.open.delete(b);
    if (aOpen) host.open.add(b);
    if (bOpen) host.open.add(a);
    // At either end the button that moved it is disabled; the other one takes the focus.
    const last = items.length - 1;
    const focus = dir === 'up' ? (to === 0 ? 'down' : 'up') : to === last ? 'up' : 'down';
    host.commit(moveInList(host.json(), path, from, to), { rebuild: true, focus: `${focus}:${b}` });
  };
  const rows = items.map((item, i) => {
    const at = [...path, i];
    const itemKey = pathKey(at);
    const title = simple ? '' : summaryOf(item, `${name} ${i + 1}`);
    // Top-level entries go by their name ("Kazakhstan: Stability"), nested ones by place ("Summit, effect 2").
    const who = path.length === 1 && !simple ? summaryOf(item !== null && typeof item === 'object' ? { ...item, role: undefined } : item, `${name} ${i + 1}`) : `${context ? `${context}, ` : ''}${name} ${i + 1}`;
    const controls = h(
      'div',
      { class: 'item-controls' },
      button('Move up', () => move(i, i - 1, 'up'), { 'data-key': `up:${itemKey}`, disabled: i === 0, 'aria-label': `Move up: ${who}` }),
      button('Move down', () => move(i, i + 1, 'down'), { 'data-key': `down:${itemKey}`, disabled: i === items.length - 1, 'aria-label': `Move down: ${who}` }),
      button(`Remove`, () => {
        host.open.delete(itemKey);
        const json = host.json();
        if (simple || typeof (item as { id?: unknown } | null)?.id !== 'string') {
          host.commit(removeAtPath(json, at), { rebuild: true, focus: `add:${key}` });
          return;
        }
        // An entry with an id takes along what plainly belongs to it (see removeEntry.ts).
        const r = removeEntry(host.schema, json, at);
        host.commit(r.json, { rebuild: true, focus: `add:${key}` });
        host.announce(`Removed ${who}${r.removed.length ? ` and ${r.removed.length} thing${r.removed.length === 1 ? '' : 's'} that referred to it: ${r.removed.join(', ')}` : ''}. Undo brings ${r.removed.length ? 'them' : 'it'} back.`);
      }, { 'data-key': `rm:${itemKey}`, disabled: items.length <= (node.minItems ?? 0), 'aria-label': `Remove ${who}` }),
    );
    if (simple) return h('div', { class: 'list-row' }, primitiveField(host, itemNode, item, at, `${name.charAt(0).toUpperCase()}${name.slice(1)} ${i + 1}`, context, false), controls);
    const details = collapsible(host, itemKey, title, () => [controls, ...inner(host, itemNode, item, at, title, who), host.extra(at, item)], 'item');
    if (path.length === 1) details.dataset.context = who;
    return details;
  });
  const full = node.maxItems !== undefined && items.length >= node.maxItems;
  const add = button(`Add ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`, () => {
    const ctx: NewValueContext = { json: host.json(), map: host.map };
    const next = addEntry(node, path, ctx);
    const newKey = pathKey([...path, items.length]);
    host.open.add(newKey);
    host.commit(next, { rebuild: true, focus: simple ? `f:${newKey}` : `open:${newKey}` });
  }, { 'data-key': `add:${key}`, disabled: full, class: 'add', 'aria-label': `${context ? `${context}: ` : ''}Add ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}` });
  const extra = path.length > 1 && simple ? host.extra(path, value) : null;
  // A top-level list sits in a section that already says its name and count.
  const legend = h('legend', { class: path.length === 1 ? 'sr-only' : undefined }, `${label} (${items.length})`);
  return h('fieldset', { class: 'list' }, legend, path.length > 1 ? describe(node) : null, problem, ...rows, add, extra);
}

/** Visually hidden context ("Kazakhstan: ") so every field's name is unique for screen readers. */
function srContext(context: string): HTMLElement | null {
  return context ? h('span', { class: 'sr-only' }, `${context}: `) : null;
}

function primitiveField(host: FormHost, node: SchemaNode, value: unknown, path: Path, label: string, context: string, optional: boolean): HTMLElement {
  const id = fieldId(path);
  const key = pathKey(path);
  const error = h('span', { class: 'field-error', id: `${id}-error` });
  host.register(key, { element: error, kind: 'field' });
  const hintId = node.description ? `${id}-hint` : undefined;
  const described = [hintId, `${id}-error`].filter(Boolean).join(' ');
  const kind = nodeKind(node);
  const choices = choicesFor(path, host.json(), host.map);
  // Checked as you type (a pause of 300 ms); names and ids follow only when the edit ends.
  let typing: ReturnType<typeof setTimeout> | undefined;
  const typed = (read: () => unknown): void => {
    clearTimeout(typing);
    typing = setTimeout(() => write(read(), false), 300);
  };
  const write = (v: unknown, final = true): void => {
    clearTimeout(typing);
    const json = host.json();
    // An emptied optional field leaves the file; anything else is written as typed.
    if (path.length === 3 && path[0] === 'countries' && path[2] === 'mapId' && typeof path[1] === 'number' && typeof v === 'string') {
      // The name (and a fresh id) follow a new map shape; the form shows them at once.
      host.commit(followMapShape(json, path[1], v, host.map), { rebuild: true, focus: `f:${key}` });
      return;
    }
    let next = optional && v === '' ? removeAtPath(json, path) : setAtPath(json, path, v);
    const last = path[path.length - 1];
    if (final && path.length === 3 && (last === 'name' || last === 'title') && typeof v === 'string') {
      // A made-up id follows the entry's new name; its field changes in place.
      const followed = followName(next, path.slice(0, -1), v);
      next = followed.json;
      const idField = followed.id === null ? null : document.getElementById(fieldId([...path.slice(0, -1), 'id']));
      if (idField instanceof HTMLInputElement && followed.id !== null) idField.value = followed.id;
    }
    host.commit(next, { rebuild: false });
  };
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  let list: HTMLElement | null = null;
  if (kind === 'boolean') {
    const box = h('input', { id, type: 'checkbox', 'data-key': `f:${key}`, 'aria-describedby': described });
    box.checked = value === true;
    box.addEventListener('change', () => write(box.checked));
    const row = h('div', { class: 'field check' }, box, h('label', { for: id }, srContext(context), label), error);
    return row;
  }
  if (kind === 'enum' || (choices && !choices.open)) {
    const options = kind === 'enum' ? (node.enum ?? []).map((v) => ({ value: String(v), label: String(v) })) : (choices?.options ?? []);
    const current = value === undefined ? '' : String(value);
    const select = h('select', { id, 'data-key': `f:${key}`, 'aria-describedby': described });
    if (optional || value === undefined) select.append(h('option', { value: '' }, optional ? '(none)' : '(choose)'));
    for (const o of options) select.append(h('option', { value: o.value }, o.label));
    // A value the scenario does not define stays visible, so its problem can be seen and fixed.
    if (current !== '' && !options.some((o) => o.value === current)) select.append(h('option', { value: current }, `${current} (not defined in this scenario)`));
    select.value = current;
    select.addEventListener('change', () => write(select.value));
    input = select;
  } else if (kind === 'text' && (node.maxLength ?? 0) > 150) {
    const area = h('textarea', { id, rows: '3', 'data-key': `f:${key}`, 'aria-describedby': described });
    area.value = value === undefined ? '' : String(value);
    area.addEventListener('input', () => typed(() => area.value));
    area.addEventListener('change', () => write(area.value));
    input = area;
  } else {
    const listId = choices?.open ? `${id}-choices` : undefined;
    const box = h('input', { id, type: 'text', class: kind === 'number' ? 'num' : 'wide', inputmode: kind === 'number' ? 'numeric' : undefined, list: listId, 'data-key': `f:${key}`, 'aria-describedby': described });
    box.value = value === undefined ? '' : String(value);
    const read = (): unknown => fieldValue(kind === 'number' ? 'number' : 'text', box.value);
    box.addEventListener('input', () => typed(read));
    box.addEventListener('change', () => {
      write(read());
      renameSummary(box, path, box.value);
    });
    if (listId) list = h('datalist', { id: listId }, ...(choices?.options ?? []).map((o) => h('option', { value: o.value })));
    input = box;
  }
  return h('div', { class: 'field' }, h('label', { for: id }, srContext(context), label), node.description ? h('p', { class: 'hint', id: hintId }, node.description) : null, input, list, error);
}

/**
 * A renamed entry's title and the names its fields go by ("Kazakhstan: Stability") follow
 * its new name at once; the form is not rebuilt for a value (a rebuild under the pointer
 * could swallow the click that ended the edit).
 */
function renameSummary(input: HTMLElement, path: Path, text: string): void {
  const last = path[path.length - 1];
  if (path.length !== 3 || (last !== 'name' && last !== 'title')) return;
  const details = input.closest<HTMLElement>('details.item');
  const summary = details?.querySelector(':scope > summary');
  if (!details || !summary?.firstChild) return;
  const before = details.dataset.context ?? '';
  summary.firstChild.textContent = text;
  if (before === '' || text === '') return;
  for (const span of details.querySelectorAll('.sr-only')) if (span.textContent?.startsWith(before)) span.textContent = text + span.textContent.slice(before.length);
  for (const el of details.querySelectorAll('[aria-label]')) {
    const label = el.getAttribute('aria-label') ?? '';
    const at = label.indexOf(before);
    if (at >= 0 && (at === 0 || label.slice(0, at).endsWith(': ') || label.slice(0, at).endsWith(' '))) el.setAttribute('aria-label', label.slice(0, at) + text + label.slice(at + before.length));
  }
  details.dataset.context = text;
}
