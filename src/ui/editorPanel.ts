// The scenario editor: a form for the values designers change most and the whole
// scenario as JSON, both checked as you type by the engine's own validator (each
// problem shown by its field and listed with its path), with undo/redo; then play it at
// once or download it. The text lives in this element, not in
// the store, so typing never re-renders the page; it survives a game played from it.
import type { Scenario } from '../engine';
import { formatProblem, loadScenarioText } from '../engine';
import { button, h } from './dom';
import type { FieldSpec } from './scenarioForm';
import { fieldValue, formFields, getAtPath, pathKey, setAtPath } from './scenarioForm';

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

export function editorPanel(hooks: EditorHooks): EditorPanel {
  const area = h('textarea', { id: 'editor-text', spellcheck: 'false', rows: '24', 'aria-describedby': 'editor-status' });
  const status = h('p', { id: 'editor-status', role: 'status', 'aria-live': 'polite' });
  const problems = h('ul', { class: 'problems', 'aria-label': 'Problems in the scenario' });
  const form = h('div', { class: 'editor-form' });
  const fieldErrors = new Map<string, HTMLElement>();
  const openGroups = new Set<string>();
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
  const buildForm = (): void => {
    let json: unknown;
    try {
      json = JSON.parse(area.value);
    } catch {
      form.replaceChildren(h('p', {}, 'The form needs the text to be valid JSON; fix the text below first.'));
      return;
    }
    fieldErrors.clear();
    // One collapsible section per part of the scenario; the first starts open.
    const groups = new Map<string, HTMLElement[]>();
    for (const f of formFields(json)) groups.set(f.group, [...(groups.get(f.group) ?? []), fieldView(f, getAtPath(json, f.path))]);
    form.replaceChildren(...[...groups].map(([group, views], i) => h('details', { open: i === 0 || openGroups.has(group) }, h('summary', {}, group), ...views)));
    for (const d of form.querySelectorAll('details')) d.addEventListener('toggle', () => (d.open ? openGroups.add(d.querySelector('summary')?.textContent ?? '') : openGroups.delete(d.querySelector('summary')?.textContent ?? '')));
  };
  const fieldView = (f: FieldSpec, value: unknown): HTMLElement => {
    const id = `field-${pathKey(f.path).replace(/[^a-zA-Z0-9]+/g, '-')}`;
    const error = h('span', { class: 'field-error', id: `${id}-error` });
    fieldErrors.set(pathKey(f.path), error);
    const input =
      f.kind === 'textarea'
        ? h('textarea', { id, rows: '3', 'aria-describedby': `${id}-error` })
        : f.kind === 'select'
          ? h('select', { id, 'aria-describedby': `${id}-error` }, ...(f.options ?? []).map((o) => h('option', { value: o }, o)))
          : h('input', { id, type: 'text', inputmode: f.kind === 'number' ? 'numeric' : undefined, 'aria-describedby': `${id}-error` });
    input.value = value === undefined ? '' : String(value);
    input.addEventListener('change', () => {
      let json: unknown;
      try {
        json = JSON.parse(area.value);
      } catch {
        return;
      }
      area.value = `${JSON.stringify(setAtPath(json, f.path, fieldValue(f.kind, input.value)), null, 2)}\n`;
      remember(area.value);
      validate();
    });
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), input, error);
  };
  const validate = (): void => {
    const r = loadScenarioText(area.value);
    problems.replaceChildren();
    for (const e of fieldErrors.values()) e.textContent = '';
    if (r.ok) {
      valid = r.value;
      status.textContent = `Valid: "${r.value.title}", ${r.value.turns} turns, ${r.value.powers.length} powers.`;
      play.disabled = false;
      return;
    }
    valid = null;
    play.disabled = true;
    status.textContent = `${r.error.length} problem${r.error.length === 1 ? '' : 's'}: fix ${r.error.length === 1 ? 'it' : 'them'} to play.`;
    for (const p of r.error.slice(0, 50)) {
      problems.append(h('li', {}, formatProblem('scenario', p)));
      const next = fieldErrors.get(p.path);
      if (next) next.textContent = `found ${p.found}; expected ${p.expected}`;
    }
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
  const element = h(
    'section',
    { class: 'panel editor', 'aria-labelledby': 'editor-title' },
    h('h2', { id: 'editor-title' }, 'Scenario editor'),
    h('p', { class: 'summary' }, 'Change the main values in the form, or anything in the full text below (scenarios/README.md documents every field). Everything is checked as you type; each problem shows by its field and in the list.'),
    h('p', {}, undo, redo),
    h('h3', {}, 'Main values'),
    form,
    h('h3', {}, h('label', { for: 'editor-text' }, 'The whole scenario (JSON)')),
    area,
    status,
    problems,
    h('p', {}, play, download, button('Close the editor', () => hooks.close(), { 'data-key': 'editor-close' })),
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
