// The editor form's events, handled in one place: every control carries `data-action` and
// `data-path` (formView.ts draws them), so one listener per event type turns a click, a
// change or a key into a FormAction (formActions.ts says what it does). Typing is checked
// after a pause; the pending value is written first whenever anything else happens.
import type { FormAction } from './formActions';
import { fieldValue } from './formView';
import type { Path } from './paths';

export const TYPING_PAUSE_MS = 300;

export interface FormHandlers {
  act(action: FormAction): void;
  /** Undo (-1) or redo (+1). */
  step(delta: -1 | 1): void;
  /** Where a click on a map landed, or null. */
  pointAt(svg: SVGSVGElement, clientX: number, clientY: number): { lat: number; lon: number; mapId: string | null } | null;
  /** A part (details) of the form was opened or closed by the designer. */
  toggled(key: string, open: boolean): void;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const pathOf = (el: Element): Path | null => {
  const raw = el.getAttribute('data-path');
  if (raw === null) return null;
  const p = JSON.parse(raw) as unknown;
  return Array.isArray(p) ? (p as Path) : null;
};
const valueOf = (el: Field): unknown => (el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : fieldValue(el.dataset.field === 'number' ? 'number' : 'text', el.value));

/** Listens on `form`; returns `flush`, which writes a value still waiting for its typing pause. */
export function wireForm(form: HTMLElement, on: FormHandlers): { flush(): void } {
  let typing: { timer: ReturnType<typeof setTimeout>; flush: () => void } | null = null;
  const setFrom = (el: Field, final: boolean): void => {
    const path = pathOf(el);
    if (path) on.act({ kind: 'set', path, value: valueOf(el), optional: el.dataset.optional === 'yes', final });
  };
  const flush = (): void => {
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
    typing = { flush: () => setFrom(el, false), timer: setTimeout(flush, TYPING_PAUSE_MS) };
  });
  form.addEventListener('change', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
    if (typing) clearTimeout(typing.timer);
    typing = null;
    const path = pathOf(el);
    if (!path) return;
    if (el.dataset.action === 'variant') on.act({ kind: 'variant', path, tag: el.value });
    else setFrom(el, true);
  });
  const activate = (el: Element, e: Event): void => {
    const action = el.getAttribute('data-action');
    const path = pathOf(el);
    flush();
    switch (action) {
      case 'add':
      case 'remove':
      case 'add-part':
      case 'remove-part':
        if (path) on.act({ kind: action, path });
        return;
      case 'up':
      case 'down':
        if (path) on.act({ kind: 'move', path, by: action === 'up' ? -1 : 1 });
        return;
      case 'cite': {
        const pick = document.getElementById(el.getAttribute('data-pick') ?? '');
        if (path && pick instanceof HTMLSelectElement) on.act({ kind: 'cite', path, field: pick.value });
        return;
      }
      case 'route-city': {
        const city = el.getAttribute('data-city');
        if (path && city) on.act({ kind: 'route-city', path, city });
        (form.querySelector(`[data-key="${CSS.escape(`city:${city ?? ''}`)}"]`) as SVGElement | null)?.focus();
        return;
      }
      case 'place-city': {
        if (!(el instanceof SVGSVGElement) || !(e instanceof MouseEvent)) return;
        const point = on.pointAt(el, e.clientX, e.clientY);
        if (point) on.act({ kind: 'place-city', ...point });
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
    if (e.key === 'z') on.step(e.shiftKey ? 1 : -1);
    else if (e.key === 'y') on.step(1);
    else return;
    e.preventDefault();
  });
  // Opening a part draws it ("toggle" does not bubble: listen while it captures).
  form.addEventListener(
    'toggle',
    (e) => {
      const d = e.target;
      if (d instanceof HTMLDetailsElement && d.dataset.part !== undefined) on.toggled(d.dataset.part, d.open);
    },
    true,
  );
  return { flush };
}
