// Keyboard focus across updates (issue 11, item 7). Preact keeps an element that stays on
// screen, so its focus stays; this handles the element that goes: the Start button when
// the game begins, End turn when the game ends or the device is handed over, an Undo
// whose order is gone, an answered question. When the element that had the focus inside
// `root` leaves the page (or is disabled) and the focus has fallen to <body>, it moves to
// the element with the same data-key if there is one (the next Undo), else to the one its
// `data-after` names (an Undo beside an order: back to that order's button), else to its panel's
// main button, else to the screen's main action (`data-main`: End turn, in the turn bar), else to the screen's landing: the one element marked
// `data-landing` (the first country, the hand-over button, the debrief's heading, the
// scenario choice on the start screen). A focus the player moved elsewhere is left alone.
const usable = (el: Element | null): boolean => el instanceof HTMLElement && el.isConnected && !el.matches(':disabled');

export function keepFocus(root: HTMLElement): () => void {
  let last: HTMLElement | null = null;
  let section: Element | null = null;
  const onFocusIn = (e: FocusEvent): void => {
    if (!(e.target instanceof HTMLElement)) return;
    last = e.target;
    section = e.target.closest('section');
  };
  const rescue = (): void => {
    // The editor keeps its own focus.
    if (document.body.classList.contains('editing')) return;
    const active = document.activeElement;
    if (last === null || (active !== null && active !== document.body) || usable(last)) return;
    const key = last.dataset.key;
    const same = key === undefined ? null : root.querySelector(`[data-key="${CSS.escape(key)}"]`);
    const after = last.dataset.after === undefined ? null : root.querySelector(`[data-key="${CSS.escape(last.dataset.after)}"]`);
    const again = usable(same) ? same : after;
    const main = section?.isConnected ? section.querySelector('button.primary') : null;
    // The screen's main action only while the same screen stays (a new screen starts at its landing).
    const screenMain = section?.isConnected ? root.querySelector('[data-main]') : null;
    const target = [again, main, screenMain, root.querySelector('[data-landing]')].find(usable);
    if (target instanceof HTMLElement) target.focus();
  };
  root.addEventListener('focusin', onFocusIn);
  const observer = new MutationObserver(rescue);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocusIn);
  };
}

/** The element that scrolls `el` (the panel), or null when the page itself does. */
function scroller(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p !== null && p !== document.body; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if ((y === 'auto' || y === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/**
 * Brings `el` into sight and gives it the focus: scrolled to the top of what the panel shows,
 * below the status bar that sticks to the panel's top (a laptop) and above the turn bar that
 * sticks to its foot (or below that bar, when it sticks to the top too and comes first), unless it is in sight already (so a short screen above it, such as the
 * hot seat's hand-over, stays in sight too). `keep`, an element just above `el` (the turn
 * bar with End turn above the report), stays in sight above it when there is room, so the
 * next action is not scrolled away by the thing to read.
 */
export function bringIntoSight(el: HTMLElement, keep: HTMLElement | null = null): void {
  el.focus({ preventScroll: true });
  const box = scroller(el);
  const area = box ? box.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  const stuck = (selector: string): DOMRect | null => {
    const bar = (box ?? document).querySelector(selector);
    return bar instanceof HTMLElement && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect() : null;
  };
  // A turn bar that also sticks to the panel's top (a classroom team's phone: its countdown
  // stays in sight) and comes before `el` will sit over the top of what is shown once `el`
  // is scrolled up: what is read starts below it, and it needs no keeping in sight.
  const bar = (box ?? document).querySelector('.turn-bar');
  const overTop = bar instanceof HTMLElement && getComputedStyle(bar).position === 'sticky' && getComputedStyle(bar).top !== 'auto' && (bar.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 ? bar.getBoundingClientRect().height : 0;
  const top = Math.max(area.top + overTop, stuck('.status')?.bottom ?? area.top);
  const r = el.getBoundingClientRect();
  const stuckBar = stuck('.turn-bar');
  // The bar covers the foot only while it sits below `el` (stuck there); over the top it covers none.
  const bottom = stuckBar !== null && !(overTop > 0 && stuckBar.top < r.top) ? Math.min(area.bottom, stuckBar.top) : area.bottom;
  if (r.top >= top && r.bottom <= bottom) return;
  // From `keep`'s top to `el`'s top, by heights and margins, not places: a sticky bar's place
  // on screen is not where it sits in the page.
  let above = 0;
  if (keep && overTop === 0) {
    const next = keep.nextElementSibling;
    above = keep.getBoundingClientRect().height + Number.parseFloat(getComputedStyle(keep).marginBottom) + (next ? r.top - next.getBoundingClientRect().top : 0);
  }
  // A little air above, so what is read first does not seem part of the bar over it.
  const by = r.top - top - 6 - (above > 0 && above + r.height < (bottom - top) / 2 ? above : 0);
  if (box) box.scrollTop += by;
  else window.scrollBy(0, by);
}
