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
import { formatProblem, loadScenarioText, scenarioWarnings } from '../../engine';
import type { MapAsset } from '../../map/mapAsset';
import { mapWarnings } from '../../map/scenarioMap';
import { balancePanel } from '../balancePanel';
import { button, h } from '../dom';
import { offerShareLink } from '../share';
import { mapFor, pointOnMap } from './editorMap';
import { wireForm } from './formEvents';
import { markProblems } from './problemMarks';
import type { FormAction } from './formActions';
import { applyAction } from './formActions';
import type { FormContext } from './formView';
import { formSections, idForKey, referencesOf } from './formView';
import { MAX_NESTING, nestsDeeperThan } from './nesting';
import { parentKey } from './paths';
import type { MapShape } from './references';
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
  // Text nested deeper than any scenario never reaches the form's walks (see nesting.ts); the validator names the problem.
  let tooDeep = false;
  let valid: Scenario | null = null;
  let textTimer: ReturnType<typeof setTimeout> | undefined;

  // The editor's own undo history: every change, from the form or the text, is a step.
  const history: string[] = [];
  let at = -1;
  const remember = (snapshot: string): void => {
    if (history[at] === snapshot) return;
    history.splice(at + 1);
    history.push(snapshot);
    at = history.length - 1;
    undo.disabled = at <= 0;
    redo.disabled = true;
  };

  let drawn = new Map<string, string>();
  const context = (): FormContext => ({ schema, map: shapes, json, open, extra: (path, value) => mapFor(asset, json, path, value), previous: drawn, versions: new Map(), references: referencesOf(json) });

  /** Redraws the form from the scenario and patches the page; then focuses `focus` (a data-key) if given. */
  const render = (focus?: string): void => {
    const ctx = context();
    const next = h('div', {}, ...(json === null ? [h('p', {}, tooDeep ? `The text nests deeper than ${MAX_NESTING} levels, which no scenario does, so the form cannot show it: fix the text first.` : 'The form needs the text to be valid JSON; fix the text first.')] : formSections(ctx)));
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

  const showProblems = (): void => markProblems(form, problems);

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
      // Warnings do not stop play (the file loads), but the game would not play as meant. The
      // quick computer games of `validate` are left to the balance check: too slow for every keystroke.
      const warnings = [...scenarioWarnings(r.value), ...mapWarnings(r.value, asset)];
      if (warnings.length === 0) problemList.append(h('li', { class: 'none' }, 'None: the scenario is valid.'));
      for (const w of warnings.slice(0, 50)) problemList.append(h('li', { class: 'warning' }, formatProblem('warning: scenario', w), ' ', button('Show', () => reveal(w.path), { 'aria-label': `Show the field ${w.path || 'scenario'}` })));
      valid = r.value;
      const warned = warnings.length === 0 ? '' : ` ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: it plays, but not as meant.`;
      status.textContent = `Valid: "${r.value.title}", ${r.value.turns} turns, ${r.value.powers.length} powers, ${r.value.countries.filter((c) => c.role === 'contested').length} contested countries.${warned}`;
      play.disabled = false;
      return;
    }
    problems = r.error;
    valid = null;
    play.disabled = true;
    status.textContent = `${r.error.length} problem${r.error.length === 1 ? '' : 's'}: fix ${r.error.length === 1 ? 'it' : 'them'} to play.`;
    for (const p of r.error.slice(0, 50)) problemList.append(h('li', {}, formatProblem('scenario', p), ' ', button('Show', () => reveal(p.path), { 'aria-label': `Show the field ${p.path || 'scenario'}` })));
  };

  // The form's controls, handled in one place (formEvents.ts).
  const events = wireForm(form, {
    act,
    step: (delta) => step(delta),
    pointAt: (svg, x, y) => pointOnMap(asset, svg, x, y),
    toggled: (key, isOpen) => {
      if (isOpen === open.has(key)) return;
      if (isOpen) open.add(key);
      else open.delete(key);
      render();
    },
  });
  const flushTyping = (): void => events.flush();

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
    tooDeep = nestsDeeperThan(json);
    if (tooDeep) json = null;
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
    note.textContent = offerShareLink({ scenario: valid }, linkBox).message;
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
