// The scenario editor, first form: the whole scenario as JSON with the engine's own
// validator running as you type (each problem with its path, "found" and "expected"),
// then play it at once, download it or share it. The text lives in this element, not in
// the store, so typing never re-renders the page; it survives a game played from it.
import type { Scenario } from '../engine';
import { formatProblem, loadScenarioText } from '../engine';
import { button, h } from './dom';

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
  let valid: Scenario | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const validate = (): void => {
    const r = loadScenarioText(area.value);
    problems.replaceChildren();
    if (r.ok) {
      valid = r.value;
      status.textContent = `Valid: "${r.value.title}", ${r.value.turns} turns, ${r.value.powers.length} powers.`;
      play.disabled = false;
      return;
    }
    valid = null;
    play.disabled = true;
    status.textContent = `${r.error.length} problem${r.error.length === 1 ? '' : 's'}: fix ${r.error.length === 1 ? 'it' : 'them'} to play.`;
    for (const p of r.error.slice(0, 50)) problems.append(h('li', {}, formatProblem('scenario', p)));
  };
  area.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(validate, 250);
  });
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
    h('p', { class: 'summary' }, 'Edit the scenario as JSON (scenarios/README.md documents every field). It is checked as you type; undo and redo with Ctrl+Z and Ctrl+Y.'),
    h('label', { for: 'editor-text' }, 'Scenario file'),
    area,
    status,
    problems,
    h('p', {}, play, download, button('Close the editor', () => hooks.close(), { 'data-key': 'editor-close' })),
  );
  return {
    element,
    open(text) {
      area.value = text;
      validate();
    },
    current: () => valid,
  };
}
