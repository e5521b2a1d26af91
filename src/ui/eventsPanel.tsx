// "Events ahead" (issue 10, item 4): every event's window, conditions and chance before
// it fires, so a player can plan around events. Possible-now first (with this turn's draw,
// made when the turn opened, and each condition marked in words, not only by colour), then those whose window
// opens later, then a folded list of the fired and the over. Which cards are open lives in
// an EventsMemory the app keeps, so queueing an order or a new turn does not fold the card
// being read.
import type { ConditionOutlook, EventOutlook, Scenario, StateLike } from '../engine';
import { eventOutlook } from '../engine';
import type { JSX } from 'preact';
import { basisLine } from './sources';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "2023-04 to 2023-06", "from 2023-09", "until 2023-12", "any time". */
export function windowWords(w: EventOutlook['window']): string {
  if (w.from !== null && w.to !== null) return w.from === w.to ? `in ${w.from}` : `${w.from} to ${w.to}`;
  if (w.from !== null) return `from ${w.from}`;
  if (w.to !== null) return `until ${w.to}`;
  return 'any time';
}

/** The chance line a card opens with: the chance each turn and how often it can fire. */
const chanceWords = (e: EventOutlook): string => {
  const again = e.repeatable ? ', and it can fire again' : ', once at most';
  return e.chancePct >= 100 ? `100% each turn its conditions hold (no draw)${again}` : `${e.chancePct}% each turn, drawn as the turn opens, before any order; it fires if its conditions hold too${again}`;
};

/** This turn's line for an event in its window: the draw made when the turn opened, and the conditions as they stand. */
export function drawHeadline(st: Extract<EventOutlook['status'], { kind: 'possible' }>): string {
  if (st.draw === 'miss') return 'drawn: does not fire this turn';
  const ifHolds = `${st.draw === 'hit' ? 'drawn' : 'certain'}: fires this turn if its conditions still hold at the end of the turn`;
  // Whether it will in fact fire is not said when that rests on a hidden value (eventOutlook.ts).
  if (st.firesThisTurnPct === null) return `${ifHolds} (one rests on a hidden value)`;
  const unmet = st.conditions.filter((c) => c.holds === false).length;
  if (unmet === 0) return `${ifHolds} (they hold now)`;
  return `${ifHolds} (${st.conditions.length === 1 ? 'it is unmet now' : `${unmet} of ${st.conditions.length} unmet now`})`;
}

function ConditionItem({ c }: { c: ConditionOutlook }) {
  // The mark is spelled out, so the colour only repeats what the words say.
  const [mark, words, cls] = c.holds === null ? ['?', 'cannot be known', 'unknown'] : c.holds ? ['✓', 'holds', 'holds'] : ['✗', 'does not hold', 'fails'];
  return (
    <li class={cls}>
      <span aria-hidden="true">{`${mark} `}</span>
      <strong>{`${words}: `}</strong>
      {`${c.text} (now ${c.now})`}
    </li>
  );
}

interface CardProps {
  scenario: Scenario;
  event: EventOutlook;
  headline: string;
  memory: EventsMemory;
  conditions: ConditionOutlook[];
  when: string;
  live?: boolean;
}

function Card({ scenario: s, event: e, headline, memory, conditions, when, live = false }: CardProps) {
  const basis = s.events.find((x) => x.id === e.id)?.basis;
  const toggled = (ev: Event): void => {
    if ((ev.currentTarget as HTMLDetailsElement).open) memory.open.add(e.id);
    else memory.open.delete(e.id);
  };
  return (
    <li>
      <details class={`event-card${live ? ' live' : ''}`} open={memory.open.has(e.id)} onToggle={toggled}>
        <summary data-key={`event-${e.id}`}>
          <strong>{e.title}</strong>
          {` — ${headline}`}
        </summary>
        <p class="event-when">{`Window: ${windowWords(e.window)}${when}. Chance: ${chanceWords(e)}.`}</p>
        {conditions.length === 0 ? (
          <p>No conditions: the window and the chance decide.</p>
        ) : (
          <ul class="conditions" aria-label="Conditions (all must hold)">
            {conditions.map((c, i) => (
              <ConditionItem key={i} c={c} />
            ))}
          </ul>
        )}
        <p class="effects-title">If it fires:</p>
        <ul class="effects">
          {e.effects.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
        {basis && <p class={`source${basis.kind === 'assumption' ? ' assumption' : ''}`}>{basisLine(s, basis)}</p>}
      </details>
    </li>
  );
}

/** Which cards are open, kept across redraws and screens (a card moving from "later" to "possible" stays open). */
export interface EventsMemory {
  open: Set<string>;
  pastOpen: boolean;
}

export const eventsMemory = (): EventsMemory => ({ open: new Set<string>(), pastOpen: false });

/** The panel for `state` as `viewer` may see it (another power's secret track stays hidden). */
export function EventsAhead({ scenario: s, state, viewer, memory }: { scenario: Scenario; state: StateLike; viewer: string | null; memory: EventsMemory }) {
  const list = eventOutlook(s, state, viewer ?? undefined);
  const possible: JSX.Element[] = [];
  const upcoming: JSX.Element[] = [];
  const past: JSX.Element[] = [];
  for (const e of list) {
    const st = e.status;
    switch (st.kind) {
      case 'possible': {
        const headline = drawHeadline(st);
        const left = st.turnsLeft === 1 ? ' (this turn is the last chance)' : ` (this turn and ${plural(st.turnsLeft - 1, 'more turn')})`;
        // A card that can fire as things stand is marked in colour too; the headline says it in words.
        possible.push(<Card key={e.id} scenario={s} event={e} headline={headline} memory={memory} conditions={st.conditions} when={left} live={st.firesThisTurnPct !== 0} />);
        break;
      }
      case 'upcoming':
        upcoming.push(<Card key={e.id} scenario={s} event={e} headline={`opens in ${plural(st.opensInTurns, 'turn')} (${st.opensOn})`} memory={memory} conditions={st.conditions} when="" />);
        break;
      case 'fired':
        past.push(
          <li key={e.id}>
            <strong>{e.title}</strong>
            {' — fired'}
          </li>,
        );
        break;
      case 'over':
        past.push(
          <li key={e.id}>
            <strong>{e.title}</strong>
            {st.why === 'after-last-turn' ? ` — opens after this game's last turn (${windowWords(e.window)})` : ` — its window has passed (${windowWords(e.window)})`}
          </li>,
        );
        break;
      default: {
        const never: never = st;
        throw new Error(`unhandled event status ${JSON.stringify(never)}`);
      }
    }
  }
  const pastToggled = (ev: Event): void => {
    memory.pastOpen = (ev.currentTarget as HTMLDetailsElement).open;
  };
  return (
    <section class="panel events-ahead" aria-labelledby="events-title">
      <h2 id="events-title">Events ahead</h2>
      <p class="summary">This turn’s events were drawn when the turn opened, before any orders; every side sees the same draws. An event drawn to fire still needs its conditions to hold at the end of the turn, after the orders land, so this turn’s orders can still change that. Later turns show their chance.</p>
      <h3 id="events-now">{`Possible this turn (${possible.length})`}</h3>
      {possible.length > 0 ? (
        <ul class="outlook" aria-labelledby="events-now">
          {possible}
        </ul>
      ) : (
        <p>None.</p>
      )}
      <h3 id="events-later">{`Later (${upcoming.length})`}</h3>
      {upcoming.length > 0 ? (
        <ul class="outlook" aria-labelledby="events-later">
          {upcoming}
        </ul>
      ) : (
        <p>None.</p>
      )}
      {past.length > 0 && (
        <details class="events-past" open={memory.pastOpen} onToggle={pastToggled}>
          <summary data-key="events-past">{`Fired or over (${past.length})`}</summary>
          <ul>{past}</ul>
        </details>
      )}
    </section>
  );
}
