// The scenario editor: the form (every field of the schema, see formView.ts) beside the
// whole scenario as JSON. Both are checked as you type by the engine's own validator; each
// problem shows by its field (or as a count on the collapsed part that holds it) and in a
// list whose "Show" opens the way to the field. Every change, from the form, the maps or
// the text, is one undo step. The text lives in this element, not in the store, so typing
// never re-renders the page, and it survives a game played from the editor.
import mapAssetJson from '../../../assets/map/central-asia.json';
import schemaJson from '../../../scenarios/schema.json';
import type { Problem, Scenario } from '../../engine';
import { formatProblem, loadScenarioText } from '../../engine';
import type { MapAsset } from '../../map/mapAsset';
import { balancePanel } from '../balancePanel';
import { button, h } from '../dom';
import { editorMap } from './editorMap';
import type { MapCity } from './editorMap';
import type { FormHost, ProblemSlot } from './formView';
import { formSections } from './formView';
import { addEntry, freshId } from './newEntry';
import type { Path } from './paths';
import { getAtPath, parentKey, pathKey, setAtPath } from './paths';
import type { MapShape } from './references';
import type { SchemaNode } from './schemaNode';

export interface EditorHooks {
  play(scenario: Scenario): void;
  close(): void;
}

export interface EditorPanel {
  element: HTMLElement;
  open(text: string): void;
  /** The scenario as it stands, if valid. */
  current(): Scenario | null;
}

const asset = mapAssetJson as MapAsset;
const schema = schemaJson as unknown as SchemaNode;
const shapes: MapShape[] = asset.countries.map((c) => ({ mapId: c.mapId, name: c.name, neighbours: c.neighbours })).sort((a, b) => a.name.localeCompare(b.name));
const idOfKey = (key: string): string => `field-${key.replace(/[^a-zA-Z0-9]+/g, '-')}`;
const stringify = (json: unknown): string => `${JSON.stringify(json, null, 2)}\n`;

interface Entry {
  id?: unknown;
  name?: unknown;
  lat?: unknown;
  lon?: unknown;
  role?: unknown;
  mapId?: unknown;
  route?: unknown;
}

const entriesOf = (json: unknown, key: string): Entry[] => {
  const v = getAtPath(json, [key]);
  return Array.isArray(v) ? (v as Entry[]) : [];
};

export function editorPanel(hooks: EditorHooks): EditorPanel {
  const area = h('textarea', { id: 'editor-text', spellcheck: 'false', rows: '30', 'aria-describedby': 'editor-status' });
  const status = h('p', { id: 'editor-status', role: 'status', 'aria-live': 'polite' });
  const note = h('p', { class: 'editor-note', role: 'status', 'aria-live': 'polite' });
  const problemList = h('ul', { class: 'problems', 'aria-label': 'Problems in the scenario' });
  const form = h('div', { class: 'editor-form', role: 'region', 'aria-label': 'Scenario form' });
  const open = new Set<string>(['']);
  let slots = new Map<string, ProblemSlot>();
  let problems: Problem[] = [];
  let json: unknown = null;
  let valid: Scenario | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // The editor's own undo history: every change, from the form or the text, is a step.
  const history: string[] = [];
  let at = -1;
  const remember = (text: string): void => {
    if (history[at] === text) return;
    history.splice(at + 1);
    history.push(text);
    at = history.length - 1;
    undo.disabled = at <= 0;
    redo.disabled = true;
  };

  const host: FormHost = {
    schema,
    map: shapes,
    json: () => json,
    open,
    register: (key, slot) => slots.set(key, slot),
    commit(next, how) {
      json = next;
      area.value = stringify(next);
      remember(area.value);
      validate();
      if (how.rebuild) buildForm(how.focus);
      else showProblems();
    },
    toggled: () => showProblems(),
    announce: (text) => {
      note.textContent = text;
    },
    extra: (path, value) => extraView(path, value),
  };

  const buildForm = (focus?: string): void => {
    const active = document.activeElement instanceof HTMLElement && form.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    const scroll = form.scrollTop;
    try {
      json = JSON.parse(area.value) as unknown;
    } catch {
      json = null;
      slots = new Map();
      form.replaceChildren(h('p', {}, 'The form needs the text to be valid JSON; fix the text first.'));
      return;
    }
    slots = new Map();
    form.replaceChildren(...formSections(host));
    form.scrollTop = scroll;
    const key = focus ?? active;
    if (key !== undefined) form.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
    showProblems();
  };

  const showProblems = (): void => {
    for (const s of slots.values()) s.element.textContent = '';
    const counts = new Map<HTMLElement, number>();
    for (const p of problems) {
      // The deepest part of the form on show that holds the problem's path.
      let key: string | null = p.path;
      while (key !== null && !slots.has(key)) key = parentKey(key);
      let slot = key === null ? undefined : slots.get(key);
      if (!slot) continue;
      // Inside a closed part, the problem is counted on the outermost closed part.
      let closed: HTMLDetailsElement | null = null;
      for (let d = slot.element.closest('details'); d; d = d.parentElement?.closest('details') ?? null) if (!d.open) closed = d;
      const badge = closed?.querySelector<HTMLElement>(':scope > summary > .part-problems');
      if (badge) slot = { element: badge, kind: 'part' };
      if (slot.kind === 'field') slot.element.textContent = `${slot.element.textContent ? `${slot.element.textContent}; ` : ''}found ${p.found}; expected ${p.expected}`;
      else counts.set(slot.element, (counts.get(slot.element) ?? 0) + 1);
    }
    for (const [badge, n] of counts) badge.textContent = `(${n} problem${n === 1 ? '' : 's'} inside)`;
  };

  const reveal = (key: string): void => {
    for (let k: string | null = key; k !== null; k = parentKey(k)) open.add(k);
    buildForm();
    let target: HTMLElement | null = null;
    for (let k: string | null = key; k !== null && !target; k = parentKey(k)) target = form.querySelector<HTMLElement>(`#${idOfKey(k)}`) ?? form.querySelector<HTMLElement>(`[data-key="${CSS.escape(`open:${k}`)}"]`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };

  const validate = (): void => {
    const r = loadScenarioText(area.value);
    problemList.replaceChildren();
    if (r.ok) {
      problems = [];
      problemList.append(h('li', {}, 'None: the scenario is valid.'));
      valid = r.value;
      status.textContent = `Valid: "${r.value.title}", ${r.value.turns} turns, ${r.value.powers.length} powers, ${r.value.countries.filter((c) => c.role === 'contested').length} contested countries.`;
      play.disabled = false;
      return;
    }
    problems = r.error;
    valid = null;
    play.disabled = true;
    status.textContent = `${r.error.length} problem${r.error.length === 1 ? '' : 's'}: fix ${r.error.length === 1 ? 'it' : 'them'} to play.`;
    for (const p of r.error.slice(0, 50)) problemList.append(h('li', {}, formatProblem('scenario', p), ' ', button('Show', () => reveal(p.path), { 'aria-label': `Show the field ${p.path || 'scenario'}` })));
  };

  /** The maps: pick a project's route by its cities; place a new city by clicking. */
  const extraView = (path: Path, value: unknown): HTMLElement | null => {
    const countries = new Map(entriesOf(json, 'countries').flatMap((c) => (typeof c.mapId === 'string' && (c.role === 'contested' || c.role === 'neighbour') ? [[c.mapId, c.role] as const] : [])));
    const cities: MapCity[] = entriesOf(json, 'cities').flatMap((c) => (typeof c.id === 'string' && typeof c.lat === 'number' && typeof c.lon === 'number' ? [{ id: c.id, name: typeof c.name === 'string' ? c.name : c.id, lat: c.lat, lon: c.lon }] : []));
    if (path.length === 3 && path[0] === 'projects' && path[2] === 'route') {
      const route = Array.isArray(value) ? (value as unknown[]).filter((x): x is string => typeof x === 'string') : [];
      const map = editorMap(asset, {
        label: 'Route map: activate a city to add it to the end of the route, or to take it off the route',
        countries,
        cities,
        route,
        cityAction: 'Add to or remove from the route:',
        onCity: (id) => {
          const next = route.includes(id) ? route.filter((c) => c !== id) : [...route, id];
          const name = cities.find((c) => c.id === id)?.name ?? id;
          note.textContent = route.includes(id) ? `${name} taken off the route.` : `${name} added to the route (stop ${next.length}).`;
          host.commit(setAtPath(json, path, next), { rebuild: true, focus: undefined });
          form.querySelector<SVGElement>(`svg.editor-map circle[aria-label$="${CSS.escape(name)}"]`)?.focus();
        },
      });
      return h('div', { class: 'map-box' }, h('p', { class: 'hint' }, 'Pick the route on the map: click cities in order (click a city on the route to take it off).'), map as unknown as HTMLElement);
    }
    if (path.length === 1 && path[0] === 'cities') {
      const map = editorMap(asset, {
        label: 'City map: click a place in one of the scenario’s countries to add a city there',
        countries,
        cities,
        onPoint: (lat, lon, mapId) => {
          const country = entriesOf(json, 'countries').find((c) => c.mapId === mapId);
          const where = shapes.find((s) => s.mapId === mapId)?.name;
          if (!country || typeof country.id !== 'string') {
            note.textContent = where ? `${where} is not in this scenario: add it under Countries first.` : 'That place is outside every country of the map.';
            return;
          }
          const list = entriesOf(json, 'cities');
          const entry = { id: freshId(json, 'new-city'), name: 'New city', country: country.id, lat, lon, capital: false };
          const key = pathKey(['cities', list.length]);
          open.add(key);
          note.textContent = `A new city added in ${typeof country.name === 'string' ? country.name : country.id} at ${lat}°N ${lon}°E: give it a name.`;
          host.commit(addEntry(schema.properties?.cities ?? {}, ['cities'], { json, map: shapes }, entry), { rebuild: true, focus: `f:${pathKey(['cities', list.length, 'name'])}` });
        },
      });
      return h('div', { class: 'map-box' }, h('p', { class: 'hint' }, 'Click the map inside one of the scenario’s countries to add a city there (or use "Add a city" and type its coordinates).'), map as unknown as HTMLElement);
    }
    return null;
  };

  area.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember(area.value);
      validate();
      buildForm();
    }, 250);
  });
  const step = (delta: number): void => {
    const next = history[at + delta];
    if (next === undefined) return;
    at += delta;
    area.value = next;
    undo.disabled = at <= 0;
    redo.disabled = at >= history.length - 1;
    validate();
    buildForm();
  };
  const undo = button('Undo', () => step(-1), { 'data-key': 'editor-undo', disabled: true });
  const redo = button('Redo', () => step(1), { 'data-key': 'editor-redo', disabled: true });
  const play = button('Play this scenario', () => {
    if (valid) hooks.play(valid);
  }, { 'data-key': 'editor-play', class: 'primary' });
  const download = button('Download the file', () => {
    const url = URL.createObjectURL(new Blob([area.value], { type: 'application/json' }));
    h('a', { href: url, download: `${valid?.id ?? 'scenario'}.json` }).click();
    URL.revokeObjectURL(url);
  }, { 'data-key': 'editor-download' });
  // Ctrl+Z / Ctrl+Y in the form step the editor's history (the text box keeps its own).
  form.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) return;
    if (e.key === 'z') step(e.shiftKey ? 1 : -1);
    else if (e.key === 'y') step(1);
    else return;
    e.preventDefault();
  });
  const element = h(
    'section',
    { class: 'panel editor', 'aria-labelledby': 'editor-title' },
    h(
      'div',
      { class: 'editor-bar' },
      h('h2', { id: 'editor-title' }, 'Scenario editor'),
      h('p', {}, undo, redo, play, download, button('Close the editor', () => hooks.close(), { 'data-key': 'editor-close' })),
      status,
      note,
    ),
    h(
      'div',
      { class: 'editor-columns' },
      h('div', {}, h('p', { class: 'summary' }, 'Every field of the scenario, part by part; scenarios/README.md explains each one. Lists have Add, Move and Remove; a project’s route is picked on its map. Everything is checked as you type.'), form),
      h('div', {}, h('h3', {}, h('label', { for: 'editor-text' }, 'The whole scenario (JSON)')), area, h('h3', {}, 'Problems'), problemList, balancePanel(() => valid ?? undefined, 'editor-balance')),
    ),
  );
  return {
    element,
    open(text) {
      area.value = text;
      history.length = 0;
      at = -1;
      remember(text);
      validate();
      buildForm();
    },
    current: () => valid,
  };
}
