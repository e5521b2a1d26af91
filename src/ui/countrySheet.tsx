// The selected country's panel on a phone: a bottom sheet over the map instead of a long
// scroll beneath it (issue 11, item 6). A dialog that is not modal: the map, the country
// buttons and End turn stay usable around it. Its heading takes the focus when a country is
// chosen; Escape or Close deselects the country and gives the focus back to what chose it:
// its country button (which stands in for the map, whose canvas takes no focus). The handle folds it to its heading and first line,
// to see more of the map and the country buttons beneath. It closes once the turn is played.
// Its foot rests on the turn bar, wherever that is on screen.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import './countrySheet.css';

/** A phone's width: the country panel becomes a sheet (a laptop and a projector keep it beside the map). */
export const SHEET_QUERY = '(max-width: 600px)';

/** Whether the media query matches, following it as the window changes (false where there is no matchMedia). */
export function useMediaQuery(query: string): boolean {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const [matches, setMatches] = useState(list?.matches ?? false);
  useEffect(() => {
    if (!list) return;
    const changed = (): void => setMatches(list.matches);
    changed();
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, [query]);
  return matches;
}

/** How far above the window's foot the turn bar's top is (0 without one): the sheet rests on it. */
function useTurnBarTop(): number {
  const [bottom, setBottom] = useState(0);
  useEffect(() => {
    const measure = (): void => {
      const bar = document.querySelector('#panel .turn-bar');
      setBottom(bar ? Math.max(0, Math.round(window.innerHeight - bar.getBoundingClientRect().top)) : 0);
    };
    measure();
    const panel = document.getElementById('panel');
    const bar = document.querySelector('#panel .turn-bar');
    const watch = new ResizeObserver(measure);
    if (bar) watch.observe(bar);
    panel?.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      watch.disconnect();
      panel?.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, []);
  return bottom;
}

interface SheetProps {
  /** The country shown: a new one takes the focus again and opens the sheet out. */
  country: string;
  title: string;
  /** The line under the heading, in sight even when the sheet is folded. */
  lead: string;
  /** The game's turn: once it is played the sheet closes, so that the turn's report and the country buttons are in sight. */
  turn: number;
  /** Deselects the country (the sheet goes with it). */
  onClose(): void;
  children: ComponentChildren;
}

export function CountrySheet({ country, title, lead, turn, onClose, children }: SheetProps) {
  const [expanded, setExpanded] = useState(true);
  const heading = useRef<HTMLHeadingElement>(null);
  const bottom = useTurnBarTop();
  useLayoutEffect(() => {
    setExpanded(true);
    heading.current?.focus({ preventScroll: true });
  }, [country]);
  const openedOn = useRef(turn);
  useEffect(() => {
    // The focus stays where it is (End turn): only the sheet goes.
    if (turn !== openedOn.current) onClose();
  }, [turn]);
  const close = (): void => {
    // What chose the country: its button, or the map (whose canvas takes no focus), for which the button stands in.
    const back = document.querySelector<HTMLElement>(`[data-key="country-${CSS.escape(country)}"]`);
    // The focus moves first, so that it is never left on a control that goes with the sheet.
    back?.focus();
    onClose();
  };
  return (
    <section
      class={`country-sheet${expanded ? '' : ' folded'}`}
      role="dialog"
      aria-labelledby="sheet-title"
      data-testid="country-sheet"
      style={`--sheet-bottom:${bottom}px`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        close();
      }}
    >
      <button type="button" class="sheet-handle" data-key="sheet-handle" aria-expanded={expanded ? 'true' : 'false'} aria-controls="sheet-body" onClick={() => setExpanded(!expanded)}>
        <span>{expanded ? 'Fold down: more of the map' : 'Open out: the orders'}</span>
      </button>
      <div class="sheet-head">
        <h3 id="sheet-title" tabIndex={-1} ref={heading}>
          {title}
        </h3>
        <button type="button" data-key="sheet-close" aria-label={`Close ${title} (Escape)`} onClick={close}>
          Close
        </button>
      </div>
      <p class="sheet-lead">{lead}</p>
      <div class="sheet-body" id="sheet-body" hidden={!expanded}>
        {children}
      </div>
    </section>
  );
}
