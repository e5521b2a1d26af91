// "Events ahead" (issue 10, item 4): every event's window, conditions and chance before
// it fires, so a player can plan around events. Possible-now first (with the chance this
// turn and each condition marked in words, not only by colour), then those whose window
// opens later, then a folded list of the fired and the over. The panel is drawn again on
// every change of the store like the others; which cards are open lives here, so queueing
// an order does not fold the card being read.
import type { ConditionOutlook, EventOutlook, Scenario, StateLike } from '../engine';
import { eventOutlook } from '../engine';
import { h } from './dom';
import { basisLine } from './sources';

export interface EventsPanel {
  /** The panel for `state` as `viewer` may see it (another power's secret track stays hidden). */
  view(scenario: Scenario, state: StateLike, viewer: string | null): HTMLElement;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "2023-04 to 2023-06", "from 2023-09", "until 2023-12", "any time". */
export function windowWords(w: EventOutlook['window']): string {
  if (w.from !== null && w.to !== null) return w.from === w.to ? `in ${w.from}` : `${w.from} to ${w.to}`;
  if (w.from !== null) return `from ${w.from}`;
  if (w.to !== null) return `until ${w.to}`;
  return 'any time';
}

/** The chance line a card opens with: the chance each turn and how often it can fire. */
const chanceWords = (e: EventOutlook): string => `${e.chancePct}% each turn its conditions hold${e.repeatable ? ', and it can fire again' : ', once at most'}`;

function conditionItem(c: ConditionOutlook): HTMLElement {
  // The mark is spelled out, so the colour only repeats what the words say.
  const [mark, words, cls] = c.holds === null ? ['?', 'cannot be known', 'unknown'] : c.holds ? ['✓', 'holds', 'holds'] : ['✗', 'does not hold', 'fails'];
  return h('li', { class: cls }, h('span', { 'aria-hidden': 'true' }, `${mark} `), h('strong', {}, `${words}: `), `${c.text} (now ${c.now})`);
}

function card(s: Scenario, e: EventOutlook, headline: string, open: Set<string>, conditions: ConditionOutlook[], when: string, live = false): HTMLElement {
  const details = h('details', { class: `event-card${live ? ' live' : ''}`, open: open.has(e.id) });
  details.addEventListener('toggle', () => (details.open ? open.add(e.id) : open.delete(e.id)));
  const basis = s.events.find((x) => x.id === e.id)?.basis;
  details.append(
    h('summary', { 'data-key': `event-${e.id}` }, h('strong', {}, e.title), ` — ${headline}`),
    h('p', { class: 'event-when' }, `Window: ${windowWords(e.window)}${when}. Chance: ${chanceWords(e)}.`),
    conditions.length === 0 ? h('p', {}, 'No conditions: the window and the chance decide.') : h('ul', { class: 'conditions', 'aria-label': 'Conditions (all must hold)' }, ...conditions.map(conditionItem)),
    h('p', { class: 'effects-title' }, 'If it fires:'),
    h('ul', { class: 'effects' }, ...e.effects.map((x) => h('li', {}, x))),
    basis ? h('p', { class: `source${basis.kind === 'assumption' ? ' assumption' : ''}` }, basisLine(s, basis)) : '',
  );
  return h('li', {}, details);
}

export function eventsPanel(): EventsPanel {
  const open = new Set<string>();
  let pastOpen = false;
  return {
    view(s, state, viewer) {
      const list = eventOutlook(s, state, viewer ?? undefined);
      const possible: HTMLElement[] = [];
      const upcoming: HTMLElement[] = [];
      const past: HTMLElement[] = [];
      for (const e of list) {
        const st = e.status;
        switch (st.kind) {
          case 'possible': {
            const unmet = st.conditions.filter((c) => c.holds === false).length;
            const unmetWords = st.conditions.length === 1 ? 'its condition is unmet' : `${unmet} of ${st.conditions.length} conditions unmet`;
            const headline = st.firesThisTurnPct === null ? `up to ${e.chancePct}% this turn (rests on a hidden value)` : unmet > 0 ? `0% as things stand: ${unmetWords}` : `${st.firesThisTurnPct}% this turn`;
            const left = st.turnsLeft === 1 ? ' (this turn is the last chance)' : ` (this turn and ${plural(st.turnsLeft - 1, 'more turn')})`;
            // A card that can fire as things stand is marked in colour too; the headline says it in words.
            possible.push(card(s, e, headline, open, st.conditions, left, st.firesThisTurnPct !== 0));
            break;
          }
          case 'upcoming':
            upcoming.push(card(s, e, `opens in ${plural(st.opensInTurns, 'turn')} (${st.opensOn})`, open, st.conditions, ''));
            break;
          case 'fired':
            past.push(h('li', {}, h('strong', {}, e.title), ' — fired'));
            break;
          case 'over':
            past.push(h('li', {}, h('strong', {}, e.title), st.why === 'after-last-turn' ? ` — opens after this game's last turn (${windowWords(e.window)})` : ` — its window has passed (${windowWords(e.window)})`));
            break;
          default: {
            const never: never = st;
            throw new Error(`unhandled event status ${JSON.stringify(never)}`);
          }
        }
      }
      const section = h('section', { class: 'panel events-ahead', 'aria-labelledby': 'events-title' });
      section.append(
        h('h2', { id: 'events-title' }, 'Events ahead'),
        h('p', { class: 'summary' }, 'Events are drawn after the orders land, in this order. Their conditions are checked then, so this turn’s orders can still change them.'),
        h('h3', { id: 'events-now' }, `Possible this turn (${possible.length})`),
        possible.length > 0 ? h('ul', { class: 'outlook', 'aria-labelledby': 'events-now' }, ...possible) : h('p', {}, 'None.'),
        h('h3', { id: 'events-later' }, `Later (${upcoming.length})`),
        upcoming.length > 0 ? h('ul', { class: 'outlook', 'aria-labelledby': 'events-later' }, ...upcoming) : h('p', {}, 'None.'),
      );
      if (past.length > 0) {
        const folded = h('details', { class: 'events-past', open: pastOpen }, h('summary', { 'data-key': 'events-past' }, `Fired or over (${past.length})`), h('ul', {}, ...past));
        folded.addEventListener('toggle', () => (pastOpen = folded.open));
        section.append(folded);
      }
      return section;
    },
  };
}
