// What the player must see whatever else is showing: a question waiting for an answer
// (replacing or leaving a game in progress), and an autosave that is failing, with the
// export right there. Both are drawn at the top of the panel, in words, with buttons.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import type { GameStoreState } from '../store/gameStore';
import { downloadText } from './files';
import { useGameStore, useStoreApi } from './storeHooks';

const exportSave = (store: StoreApi<GameStoreState>): void => downloadText(store.getState().exportSave(), 'new-great-game-save.json');

function ExportButton({ dataKey }: { dataKey: string }) {
  const store = useStoreApi();
  return (
    <button type="button" data-key={dataKey} onClick={() => exportSave(store)}>
      Export save
    </button>
  );
}

/** The question in the DOM (not window.confirm: it is styled, read out and keyboard-reachable like the rest). */
export function QuestionView() {
  const store = useStoreApi();
  const q = useGameStore((s) => s.question);
  // A question that appears takes the focus (and so the screen reader's attention and the
  // view, on a phone below the map); its safe answer is first. Answered, the focus goes back
  // to what asked (New game, Start game…) if it is still there; else focus.ts finds the
  // screen's landing.
  const no = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (q) {
      const from = document.activeElement;
      if (opener.current === null && from instanceof HTMLElement && from !== document.body && !from.closest('.question')) opener.current = from;
      no.current?.focus();
      return;
    }
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected && !back.matches(':disabled') && (document.activeElement === null || document.activeElement === document.body)) back.focus();
  }, [q]);
  if (!q) return null;
  return (
    // Escape gives the safe answer, as the first button does.
    <section
      class="panel question"
      role="alertdialog"
      aria-labelledby="question-title"
      aria-describedby="question-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          store.getState().answer(false);
        }
      }}
    >
      <h2 id="question-title">{q.title}</h2>
      <p id="question-text">{q.text}</p>
      <p>
        {/* The safe answer comes first and takes the focus. */}
        <button type="button" data-key="question-no" class="primary" ref={no} onClick={() => store.getState().answer(false)}>
          {q.no}
        </button>
        {q.canExport && <ExportButton dataKey="question-export" />}
        <button type="button" data-key="question-yes" onClick={() => store.getState().answer(true)}>
          {q.yes}
        </button>
      </p>
    </section>
  );
}

/** A failing autosave, said at once and until it works again, with the export at hand. */
export function StorageTroubleView() {
  const storageTrouble = useGameStore((s) => s.storageTrouble);
  const playing = useGameStore((s) => s.session !== null);
  if (storageTrouble === null) return null;
  return (
    <section class="panel storage-trouble" role="alert" aria-labelledby="storage-title">
      <h2 id="storage-title">Not autosaved</h2>
      <p>{storageTrouble}</p>
      {playing && <ExportButton dataKey="trouble-export" />}
    </section>
  );
}
