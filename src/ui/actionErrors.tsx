// An action's error next to the control that caused it (issue 11, items 2 and 4), not at
// the bottom of the page. The store keeps one message; a control that acts calls
// blame(key) afterwards, and if the action left an error, that error shows beside the
// control with that key (role alert, linked from the control by aria-describedby) for as
// long as it is the store's message; the page's message box leaves it out meanwhile.
import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { GameStoreState } from '../store/gameStore';
import { useGameStore, useStoreApi } from './storeHooks';

type Message = NonNullable<GameStoreState['message']>;

interface Origin {
  key: string;
  message: Message;
}

interface Blame {
  origin: Origin | null;
  blame(key: string): void;
}

const BlameContext = createContext<Blame>({ origin: null, blame: () => undefined });

export function ActionErrors({ children }: { children: ComponentChildren }) {
  const store = useStoreApi();
  const [origin, setOrigin] = useState<Origin | null>(null);
  const blame = (key: string): void => {
    const message = store.getState().message;
    if (message?.kind === 'error') setOrigin({ key, message });
  };
  return <BlameContext.Provider value={{ origin, blame }}>{children}</BlameContext.Provider>;
}

/** Call after an action done by the control `key`: its error, if any, shows beside it. */
export const useBlame = (): ((key: string) => void) => useContext(BlameContext).blame;

/** The store's message, if it is an error caused by the control `key`. */
export function useErrorAt(key: string): Message | null {
  const m = useGameStore((s) => s.message);
  const { origin } = useContext(BlameContext);
  return m !== null && origin?.key === key && origin.message === m ? m : null;
}

/** The message shown beside a control, if any (the page's message box leaves it out). */
export function useShownBeside(): Message | null {
  const m = useGameStore((s) => s.message);
  const { origin } = useContext(BlameContext);
  return m !== null && origin?.message === m ? m : null;
}

/** The error beside the control `at`, with the id its aria-describedby names. */
export function ErrorHere({ at, id }: { at: string; id: string }) {
  const store = useStoreApi();
  const m = useErrorAt(at);
  if (!m) return null;
  return (
    <div class="message error beside" role="alert" id={id}>
      <p>{m.text}</p>
      <button type="button" data-key={`dismiss-${at}`} onClick={() => store.getState().dismissMessage()}>
        Dismiss
      </button>
    </div>
  );
}
