// Keyboard focus across updates (issue 11, item 7). Preact keeps an element that stays on
// screen, so its focus stays; this handles the element that goes: the Start button when
// the game begins, End turn when the game ends or the device is handed over, an Undo
// whose order is gone, an answered question. When the element that had the focus inside
// `root` leaves the page (or is disabled) and the focus has fallen to <body>, it moves to
// the element with the same data-key if there is one (the next Undo), else to its panel's
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
    const again = key === undefined ? null : root.querySelector(`[data-key="${CSS.escape(key)}"]`);
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
