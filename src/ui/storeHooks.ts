// The store as Preact components read it. zustand's own hook (`useStore` from 'zustand')
// is built on React's useSyncExternalStore, so it would bring preact/compat; this is the
// same subscription in a few lines of preact/hooks: a component reads a slice of the store
// and renders again only when that slice changes (compared with Object.is).
import { createContext } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import type { GameStoreState } from '../store/gameStore';

export const StoreContext = createContext<StoreApi<GameStoreState> | null>(null);

/** The store itself, for its actions and for reading it in event handlers. */
export function useStoreApi(): StoreApi<GameStoreState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('no game store: render inside <StoreContext.Provider>');
  return store;
}

/** A slice of the store's state; the component renders again when it changes. */
export function useGameStore<T>(select: (state: GameStoreState) => T): T {
  return useSlice(useStoreApi(), select);
}

/** A slice of any zustand store's state (the classroom keeps a store of its own); renders again when it changes. */
export function useSlice<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const value = select(store.getState());
  const latest = useRef({ select, value });
  latest.current = { select, value };
  useLayoutEffect(() => {
    const check = (): void => {
      if (!Object.is(latest.current.select(store.getState()), latest.current.value)) changed(0);
    };
    // A change between the render and the subscription is not missed.
    check();
    return store.subscribe(check);
  }, [store]);
  return value;
}
