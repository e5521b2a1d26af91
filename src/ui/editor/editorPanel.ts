// The scenario editor: the form (every field of the schema, see formView.ts) beside the
// problems, the whole scenario as JSON and a balance check. Every edit is checked as you
// type by the engine's own validator; each problem shows by its field (or as a count on
// the closed part that holds it) and in a list whose "Show" opens the way to the field.
// Every change, from the form, the maps or the text, is one undo step.
//
// The form is redrawn after every edit and patched into the page with morphdom, so only
// what changed is touched: focus, scroll and the element under the pointer stay, and a
// redraw can never swallow a click. One delegated handler per event type reads the
// controls' `data-action`/`data-path` and asks formActions.ts for the new scenario.
//
// The text lives in this element, not in the store, so typing never re-renders the page,
// and it survives a game played from the editor.
import morphdom from 'morphdom';
import mapAssetJson from '../../../assets/map/central-asia.json';
import schemaJson from '../../../scenarios/schema.json';
import type { Problem, Scenario } from '../../engine';
import { formatProblem, loadScenarioText } from '../../engine';
import type { MapAsset } from '../../map/mapAsset';
import { balancePanel } from '../balancePanel';
import { button, h } from '../dom';
import { shareLink } from '../share';
import type { MapCity } from './editorMap';
import { editorMap, pointOnMap } from './editorMap';
import type { FormAction } from './formActions';
import { applyAction } from './formActions';
import type { FormContext } from './formView';
import { fieldValue, formSections, idForKey } from './formView';
import type { Path } from './paths';
import { getAtPath, parentKey } from './paths';
import type { MapShape } from './references';
import { knownFlags } from './references';
import type { SchemaNode } from './schemaNode';

export interface EditorHooks {
  play(scenario: Scenario): void;
  close(): void;
}

export interface EditorPanel {
  element: HTMLElement;
  open(text: string): void;
  /** Puts another scenario in the editor as one more step (Undo returns to the edits before it). */
  replace(text: string, what: string): void;
  /** The scenario as it stands, if valid. */
  current(): Scenario | null;
}

const asset = mapAssetJson as MapAsset;
const schema = schemaJson as unknown as SchemaNode;
const shapes: MapShape[] = asset.countries.map((c) => ({ mapId: c.mapId, name: c.name, neighbours: c.neighbours })).sort((a, b) => a.name.localeCompare(b.name));
const stringify = (json: unknown): string => `${JSON.stringify(json, null, 2)}\n`;
const TYPING_PAUSE_MS = 300;

interface Entry {
  id?: unknown;
  name?: unknown;
  lat?: unknown;
  lon?: unknown;
  role?: unknown;
  mapId?: unknown;
}

/** Everything entries' choices and maps are drawn from: when it changes, every entry is drawn again. */
function referencesOf(json: unknown): string {
  const pick = (key: string, fields: string[]): unknown[] => entriesOf(json, key).map((e) => fields.map((f) => (e as Record<string, unknown>)[f]));
  const tracks = entriesOf(json, 'powers').map((p) => (Array.isArray((p as { tracks?: unknown }).tracks) ? ((p as { tracks: Entry[] }).tracks.map((t) => [t.id, t.name]) as unknown[]) : []));
  return JSON.stringify([pick('countries', ['id', 'name', 'role', 'mapId']), pick('powers', ['id', 'name']), tracks, pick('cities', ['id', 'name', 'country', 'lat', 'lon']), pick('sources', ['id', 'title']), pick('organisations', ['id', 'name']), pick('projects', ['id', 'name']), knownFlags(json)]);
}

const entriesOf = (json: unknown, key: string): Entry[] => {
  const v = getAtPath(json, [key]);
  return Array.isArray(v) ? (v as Entry[]) : [];
};
const pathOf = (el: Element): Path | null => {
  const raw = el.getAttribute('data-path');
  if (raw === null) return null;
  const p = JSON.parse(raw) as unknown;
  return Array.isArray(p) ? (p as Path) : null;
};

export function editorPanel(hooks: EditorHooks): EditorPanel {
  const area = h('textarea', { id: 'editor-text', spellcheck: 'false', rows: '30', 'aria-describedby': 'editor-status' });
  // The scenario's text is the editor's truth; the text box shows it only while unfolded:
  // giving a 2,000-line text box a new value costs ~80 ms of text layout even when hidden.
  const jsonPart = h('details', { class: 'json' }, h('summary', {}, 'The whole scenario as JSON text'), h('label', { for: 'editor-text', class: 'sr-only' }, 'The whole scenario (JSON)'), area);
  let text = '';
  let shownText: string | null = null;
  const showText = (): void => {
    if (jsonPart.open && shownText !== text) {
      area.value = text;
      shownText = text;
    }
  };
  const setText = (next: string): void => {
    text = next;
    showText();
  };
  jsonPart.addEventListener('toggle', showText);
  const status = h('p', { id: 'editor-status', role: 'status', 'aria-live': 'polite' });
  const note = h('p', { class: 'editor-note', role: 'status', 'aria-live': 'polite' });
  const problemList = h('ul', { class: 'problems', 'aria-label': 'Problems in the scenario' });
  const form = h('div', { class: 'editor-form', role: 'region', 'aria-label': 'Scenario form' });
  const open = new Set<string>(['']);
  let problems: Problem[] = [];
  let json: unknown = null;
  let valid: Scenario | null = null;
  let textTimer: ReturnType<typeof setTimeout> | undefined;
  let typing: { timer: ReturnType<typeof setTimeout>; flush: () => void } | null = null;

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

  let drawn = new Map<string, string>();
  const context = (): FormContext => ({ schema, map: shapes, json, open, extra: extraView, previous: drawn, versions: new Map(), references: referencesOf(json) });

  /** Redraws the form from the scenario and patches the page; then focuses `focus` (a data-key) if given. */
  const render = (focus?: string): void => {
    const ctx = context();
    const next = h('div', {}, ...(json === null ? [h('p', {}, 'The form needs the text to be valid JSON; fix the text first.')] : formSections(ctx)));
    morphdom(form, next, {
      childrenOnly: true,
      onBeforeElUpdated: (from, to) => {
        // An entry drawn as a stub is unchanged: the page keeps it as it is.
        if (to instanceof HTMLElement && to.dataset.v !== undefined && from instanceof HTMLElement && from.dataset.v === to.dataset.v) return false;
        // The field being typed in keeps what is typed (its value reaches the scenario after a pause).
        return !(from === document.activeElement && (from instanceof HTMLTextAreaElement || (from instanceof HTMLInputElement && from.type === 'text')));
      },
    });
    drawn = ctx.versions;
    if (focus !== undefined) form.querySelector<HTMLElement | SVGElement>(`[data-key="${CSS.escape(focus)}"]`)?.focus();
    showProblems();
  };

  const commit = (next: unknown, focus?: string): void => {
    json = next;
    setText(stringify(next));
    remember(text);
    validate();
    render(focus);
  };

  const act = (action: FormAction): void => {
    if (json === null) return;
    const r = applyAction(action, { schema, map: shapes, json });
    for (const k of r.close ?? []) open.delete(k);
    for (const k of r.open ?? []) open.add(k);
    if (r.note !== undefined) note.textContent = r.note;
    if (r.json === json) render(r.focus);
    else commit(r.json, r.focus);
  };

  const showProblems = (): void => {
    const slots = new Map<string, HTMLElement>();
    for (const el of form.querySelectorAll<HTMLElement>('[data-slot]')) {
      el.textContent = '';
      slots.set(el.dataset.slot ?? '', el);
    }
    const counts = new Map<HTMLElement, number>();
    for (const p of problems) {
      // The deepest part of the form on show that holds the problem's path.
      let key: string | null = p.path;
      while (key !== null && !slots.has(key)) key = parentKey(key);
      let target = key === null ? undefined : slots.get(key);
      if (!target) continue;
      // Inside a closed part, the problem is counted on the outermost closed part.
      let closed: HTMLDetailsElement | null = null;
      for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) if (!d.open) closed = d;
      const badge = closed?.querySelector<HTMLElement>(':scope > summary > .part-problems');
      if (badge) target = badge;
      if (target.dataset.slotKind === 'field' && target !== badge) target.textContent = `${target.textContent ? `${target.textContent}; ` : ''}found ${p.found}; expected ${p.expected}`;
      else counts.set(target, (counts.get(target) ?? 0) + 1);
    }
    for (const [badge, n] of counts) badge.textContent = `(${n} problem${n === 1 ? '' : 's'} inside)`;
  };

  const reveal = (key: string): void => {
    for (let k: string | null = key; k !== null; k = parentKey(k)) open.add(k);
    render();
    let target: HTMLElement | null = null;
    for (let k: string | null = key; k !== null && !target; k = parentKey(k)) target = form.querySelector<HTMLElement>(`#${idForKey(k)}`) ?? form.querySelector<HTMLElement>(`[data-key="${CSS.escape(`open:${k}`)}"]`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };

  const validate = (): void => {
    const r = loadScenarioText(text);
    problemList.replaceChildren();
    if (r.ok) {
      problems = [];
      problemList.append(h('li', { class: 'none' }, 'None: the scenario is valid.'));
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
  const extraView = (path: Path, value: unknown): Element | null => {
    const countries = new Map(entriesOf(json, 'countries').flatMap((c) => (typeof c.mapId === 'string' && (c.role === 'contested' || c.role === 'neighbour') ? [[c.mapId, c.role] as const] : [])));
    const cities: MapCity[] = entriesOf(json, 'cities').flatMap((c) => (typeof c.id === 'string' && typeof c.lat === 'number' && typeof c.lon === 'number' ? [{ id: c.id, name: typeof c.name === 'string' ? c.name : c.id, lat: c.lat, lon: c.lon }] : []));
    if (path.length === 3 && path[0] === 'projects' && path[2] === 'route') {
      const route = Array.isArray(value) ? (value as unknown[]).filter((x): x is string => typeof x === 'string') : [];
      // The close-up shows the countries the route runs through (with a margin: their neighbours' nearby cities).
      const cityCountry = new Map(entriesOf(json, 'cities').map((c) => [c.id, (c as { country?: unknown }).country]));
      const touched = new Set(route.map((id) => cityCountry.get(id)));
      const frame = cities.filter((c) => touched.has(cityCountry.get(c.id))).map((c) => c.id);
      const map = editorMap(asset, { label: 'Route map: activate a city to add it to the end of the route, or to take it off the route', countries, cities, route, frame, routePath: path, cityAction: 'Add to or remove from the route:' });
      return h('div', { class: 'map-box' }, h('p', { class: 'hint' }, 'Pick the route on the map: click cities in order (click a city on the route to take it off).'), map);
    }
    if (path.length === 1 && path[0] === 'cities') {
      const map = editorMap(asset, { label: 'City map: click a place in one of the scenario’s countries to add a city there', countries, cities, placeCities: true });
      return h('div', { class: 'map-box' }, h('p', { class: 'hint' }, 'Click the map inside one of the scenario’s countries to add a city there (or use "Add a city" and type its coordinates).'), map);
    }
    return null;
  };

  // The form's controls, handled in one place.
  const valueOf = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): unknown => (el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : fieldValue(el.dataset.field === 'number' ? 'number' : 'text', el.value));
  const setFrom = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, final: boolean): void => {
    const path = pathOf(el);
    if (path) act({ kind: 'set', path, value: valueOf(el), optional: el.dataset.optional === 'yes', final });
  };
  const flushTyping = (): void => {
    if (!typing) return;
    clearTimeout(typing.timer);
    const pending = typing;
    typing = null;
    pending.flush();
  };
  form.addEventListener('input', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || el.type === 'checkbox' || !el.dataset.path) return;
    // Checked as you type, after a pause; names and ids follow only when the edit ends.
    if (typing) clearTimeout(typing.timer);
    const flush = (): void => setFrom(el, false);
    typing = { flush, timer: setTimeout(() => flushTyping(), TYPING_PAUSE_MS) };
  });
  form.addEventListener('change', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
    if (typing) clearTimeout(typing.timer);
    typing = null;
    const path = pathOf(el);
    if (!path) return;
    if (el.dataset.action === 'variant') act({ kind: 'variant', path, tag: el.value });
    else setFrom(el, true);
  });
  const activate = (el: Element, e: Event): void => {
    const action = el.getAttribute('data-action');
    const path = pathOf(el);
    flushTyping();
    switch (action) {
      case 'add':
      case 'remove':
      case 'add-part':
      case 'remove-part':
        if (path) act({ kind: action, path });
        return;
      case 'up':
      case 'down':
        if (path) act({ kind: 'move', path, by: action === 'up' ? -1 : 1 });
        return;
      case 'cite': {
        const pick = document.getElementById(el.getAttribute('data-pick') ?? '');
        if (path && pick instanceof HTMLSelectElement) act({ kind: 'cite', path, field: pick.value });
        return;
      }
      case 'route-city': {
        const city = el.getAttribute('data-city');
        if (path && city) act({ kind: 'route-city', path, city });
        (form.querySelector(`[data-key="${CSS.escape(`city:${city ?? ''}`)}"]`) as SVGElement | null)?.focus();
        return;
      }
      case 'place-city': {
        if (!(el instanceof SVGSVGElement) || !(e instanceof MouseEvent)) return;
        const point = pointOnMap(asset, el, e.clientX, e.clientY);
        if (point) act({ kind: 'place-city', ...point });
        return;
      }
    }
  };
  form.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-action]') : null;
    if (!el || !form.contains(el) || el.getAttribute('data-action') === 'variant' || (el instanceof HTMLButtonElement && el.disabled)) return;
    activate(el, e);
  });
  form.addEventListener('keydown', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    // Cities on a route map are SVG buttons: Enter and Space work as on any button.
    if (el?.getAttribute('data-action') === 'route-city' && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      activate(el, e);
      return;
    }
    // Ctrl+Z / Ctrl+Y outside text fields step the editor's history (text fields keep their own).
    if (!(e.ctrlKey || e.metaKey) || el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return;
    if (e.key === 'z') step(e.shiftKey ? 1 : -1);
    else if (e.key === 'y') step(1);
    else return;
    e.preventDefault();
  });
  // Opening a part draws it; its state survives every redraw ("toggle" does not bubble).
  form.addEventListener(
    'toggle',
    (e) => {
      const d = e.target;
      if (!(d instanceof HTMLDetailsElement) || d.dataset.part === undefined) return;
      const key = d.dataset.part;
      if (d.open === open.has(key)) return;
      if (d.open) open.add(key);
      else open.delete(key);
      render();
    },
    true,
  );

  area.addEventListener('input', () => {
    clearTimeout(textTimer);
    textTimer = setTimeout(() => {
      text = area.value;
      shownText = text;
      remember(text);
      parseText();
      validate();
      render();
    }, 250);
  });
  const parseText = (): void => {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = null;
    }
  };
  const step = (delta: number): void => {
    const next = history[at + delta];
    if (next === undefined) return;
    at += delta;
    setText(next);
    undo.disabled = at <= 0;
    redo.disabled = at >= history.length - 1;
    parseText();
    validate();
    render();
  };
  const undo = button('Undo', () => step(-1), { 'data-key': 'editor-undo', disabled: true });
  const redo = button('Redo', () => step(1), { 'data-key': 'editor-redo', disabled: true });
  const play = button('Play this scenario', () => {
    flushTyping();
    if (valid) hooks.play(valid);
  }, { 'data-key': 'editor-play', class: 'primary' });
  const download = button('Download the file', () => {
    flushTyping();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    h('a', { href: url, download: `${valid?.id ?? 'scenario'}.json` }).click();
    URL.revokeObjectURL(url);
  }, { 'data-key': 'editor-download' });
  const linkBox = h('input', { type: 'text', id: 'editor-share-link', readonly: true, 'aria-label': 'Share link to this scenario', class: 'wide', hidden: true });
  const share = button('Share a link', () => {
    flushTyping();
    if (!valid) {
      note.textContent = 'There is no valid scenario to share: fix its problems first.';
      return;
    }
    const link = shareLink(window.location.href, valid);
    if (!link.ok) {
      linkBox.hidden = true;
      note.textContent = `No link: ${link.reason}.`;
      return;
    }
    linkBox.hidden = false;
    linkBox.value = link.url;
    linkBox.select();
    void navigator.clipboard?.writeText(link.url).catch(() => undefined);
    note.textContent = `Share link ready (${link.url.length} characters; copied if the browser allows): whoever opens it gets this scenario on their start screen.`;
  }, { 'data-key': 'editor-share' });
  const element = h(
    'section',
    { class: 'panel editor', 'aria-labelledby': 'editor-title' },
    h('div', { class: 'editor-bar' }, h('h2', { id: 'editor-title' }, 'Scenario editor'), h('p', {}, undo, redo, play, download, share, button('Close the editor', () => hooks.close(), { 'data-key': 'editor-close' })), status, note, linkBox),
    h(
      'div',
      { class: 'editor-columns' },
      h('div', {}, h('p', { class: 'summary' }, 'Every field of the scenario, part by part; scenarios/README.md explains each one. Lists have Add, Move and Remove; a project’s route is picked on its map. Everything is checked as you type.'), form),
      // The JSON text starts folded (see jsonPart).
      h('div', {}, h('h3', {}, 'Problems'), problemList, jsonPart, balancePanel(() => valid ?? undefined, 'editor-balance')),
    ),
  );
  return {
    element,
    open(content) {
      setText(content);
      history.length = 0;
      at = -1;
      remember(content);
      parseText();
      validate();
      render();
    },
    replace(content, what) {
      flushTyping();
      setText(content);
      remember(content);
      parseText();
      validate();
      render();
      note.textContent = `Opened ${what} in the editor; Undo returns to the edits before it.`;
    },
    current: () => valid,
  };
}
