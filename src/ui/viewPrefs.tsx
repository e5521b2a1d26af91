// The large-text (projector) view: panel text of at least 24 px in a wider panel, for a
// room that reads the screen from its back. The same public view in bigger type, nothing
// more. Chosen on the start screen or in the game, remembered in localStorage; the address
// can ask for it (`?view=projector`, or `?view=standard` for the usual view).
import { useEffect, useState } from 'preact/hooks';

export const VIEW_KEY = 'new-great-game/view';
const CLASS = 'projector';

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

function remembered(): boolean {
  try {
    return window.localStorage.getItem(VIEW_KEY) === 'projector';
  } catch {
    return false;
  }
}

/** The view the page opens in: the address's `view` if it names one, else the one remembered. */
function initial(): boolean {
  const asked = new URLSearchParams(window.location.search).get('view');
  if (asked === 'projector') return true;
  if (asked === 'standard') return false;
  return remembered();
}

let on: boolean | null = null;

export function projectorView(): boolean {
  if (on === null) {
    on = initial();
    document.documentElement.classList.toggle(CLASS, on);
  }
  return on;
}

export function setProjectorView(next: boolean): void {
  on = next;
  document.documentElement.classList.toggle(CLASS, next);
  try {
    window.localStorage.setItem(VIEW_KEY, next ? 'projector' : 'standard');
  } catch {
    // A browser that keeps nothing still switches the view for this visit.
  }
  for (const l of listeners) l(next);
}

export function useProjectorView(): [boolean, (on: boolean) => void] {
  const [value, setValue] = useState(projectorView);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return [value, setProjectorView];
}

/** The toggle, the same on the start screen and in the game. */
export function ProjectorToggle() {
  const [value, set] = useProjectorView();
  return (
    <p class="view-toggle">
      <input type="checkbox" id="projector-view" checked={value} onChange={(e) => set(e.currentTarget.checked)} /> <label for="projector-view">Large text (projector)</label>
    </p>
  );
}
