// Marking the scenario's problems in the form: each by its field ("found 140; expected at
// most 100"), or, inside a closed part, as a count on the outermost closed part, so a
// problem is never out of sight. The form's drawing leaves slots (`data-slot`) for them.
import type { Problem } from '../../engine';
import { parentKey } from './paths';

export function markProblems(form: HTMLElement, problems: readonly Problem[]): void {
  const slots = new Map<string, HTMLElement>();
  for (const el of form.querySelectorAll<HTMLElement>('[data-slot]')) {
    el.textContent = '';
    slots.set(el.dataset.slot ?? '', el);
  }
  const counts = new Map<HTMLElement, number>();
  for (const p of problems) {
    // The deepest part of the form on show that holds the problem's path.
    let key: string | null = p.path;
    while (key !== null && !slots.has(key)) key = parentKey(key);
    let target = key === null ? undefined : slots.get(key);
    if (!target) continue;
    let closed: HTMLDetailsElement | null = null;
    for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) if (!d.open) closed = d;
    const badge = closed?.querySelector<HTMLElement>(':scope > summary > .part-problems');
    if (badge) target = badge;
    if (target.dataset.slotKind === 'field' && target !== badge) target.textContent = `${target.textContent ? `${target.textContent}; ` : ''}found ${p.found}; expected ${p.expected}`;
    else counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  for (const [badge, n] of counts) badge.textContent = `(${n} problem${n === 1 ? '' : 's'} inside)`;
}
