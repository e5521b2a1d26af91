// How deep the scenario's text nests. JSON.parse builds a value of any depth without
// recursion (100,000 '[' parse fine), but every walk over it — the form, references,
// removal, flags — would overflow the stack. So the editor measures the depth first,
// without recursion, and refuses text deeper than any scenario can be before any walk;
// the walks themselves also stop at that depth, whoever calls them.

import { MAX_NESTING } from '../../engine';

/** The engine's limit: deeper text is no scenario. */
export { MAX_NESTING };

/** Whether `value` nests deeper than `limit` levels of lists and objects (a scalar is 0, `[]` is 1), counted with a stack of its own. */
export function nestsDeeperThan(value: unknown, limit = MAX_NESTING): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, above] = top;
    if (v === null || typeof v !== 'object') continue;
    if (above + 1 > limit) return true;
    for (const x of Object.values(v)) stack.push([x, above + 1]);
  }
  return false;
}
