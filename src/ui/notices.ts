// What the player must see whatever else is showing: a question waiting for an answer
// (replacing or leaving a game in progress), and an autosave that is failing, with the
// export right there. Both are drawn at the top of the panel, in words, with buttons.
import type { StoreApi } from 'zustand/vanilla';
import type { GameStoreState } from '../store/gameStore';
import { button, h } from './dom';
import { downloadText } from './files';

const exportButton = (store: StoreApi<GameStoreState>, key: string): HTMLButtonElement => button('Export save', () => downloadText(store.getState().exportSave(), 'new-great-game-save.json'), { 'data-key': key });

/** The question in the DOM (not window.confirm: it is styled, read out and keyboard-reachable like the rest). */
export function questionView(store: StoreApi<GameStoreState>): HTMLElement | null {
  const q = store.getState().question;
  if (!q) return null;
  return h(
    'section',
    { class: 'panel question', role: 'alertdialog', 'aria-labelledby': 'question-title', 'aria-describedby': 'question-text' },
    h('h2', { id: 'question-title' }, q.title),
    h('p', { id: 'question-text' }, q.text),
    h(
      'p',
      {},
      // The safe answer comes first and takes the focus.
      button(q.no, () => store.getState().answer(false), { 'data-key': 'question-no', class: 'primary' }),
      q.canExport ? exportButton(store, 'question-export') : null,
      button(q.yes, () => store.getState().answer(true), { 'data-key': 'question-yes' }),
    ),
  );
}

/** A failing autosave, said at once and until it works again, with the export at hand. */
export function storageTroubleView(store: StoreApi<GameStoreState>): HTMLElement | null {
  const { storageTrouble, session } = store.getState();
  if (storageTrouble === null) return null;
  return h('section', { class: 'panel storage-trouble', role: 'alert', 'aria-labelledby': 'storage-title' }, h('h2', { id: 'storage-title' }, 'Not autosaved'), h('p', {}, storageTrouble), session ? exportButton(store, 'trouble-export') : null);
}
