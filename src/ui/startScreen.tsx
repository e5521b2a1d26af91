// The start screen: scenario, who sits at each of its powers (a person at this device or the
// computer at a strength), the autosave's games, files in, share links. What was chosen
// lives in the app (StartChoices), so a message, a file opened or a game played and left
// does not reset the form. Its words come from the chosen scenario (its powers, title and
// summary), so a scenario of other powers or places reads right.
import { useRef } from 'preact/hooks';
import type { Scenario } from '../engine';
import { formatPartialDate, listWords } from '../engine';
import type { Mode, Slot, SlotSummary } from '../store/gameStore';
import { STRENGTHS, seatMode } from '../store/gameStore';
import { downloadText, openChosenFile } from './files';
import type { ScenarioListing } from './scenarioListing';
import { offerShareLink } from './share';
import { useGameStore, useStoreApi } from './storeHooks';
import { ProjectorToggle } from './viewPrefs';
import { startGuide, useGuideOffered } from './guide';

/** A scenario in the start screen's list: a shipped one (its scenario once loaded), or a file of one's own (`custom`). */
export interface ScenarioEntry {
  id: string;
  listing: ScenarioListing;
  scenario: Scenario | undefined;
}

/** Who sits at a power: a person, or the computer at `strength` (kept while a person sits, for when the computer comes back). */
export interface SeatChoice {
  human: boolean;
  strength: string;
}

export interface StartChoices {
  /** The scenario's id in the list (`custom` for a file of one's own). */
  scenario: string | undefined;
  /** The seats chosen, by power id (a Map: ids are data); a power not in it gets `defaultSeat`. */
  seats: ReadonlyMap<string, SeatChoice>;
  whatIf: boolean;
  /** The last share link made, shown until another is asked for. */
  link: string | null;
  /** Where the scenario editor starts from. */
  editorFrom: 'chosen' | 'blank';
}

export const firstChoices = (): StartChoices => ({ scenario: undefined, seats: new Map(), whatIf: false, link: null, editorFrom: 'chosen' });

/** Until chosen otherwise: a person at the first power, the computer (Easy) at every other. */
const defaultSeat = (index: number): SeatChoice => ({ human: index === 0, strength: 'greedy' });
const isStrength = (x: string): boolean => STRENGTHS.some(([value]) => value === x);

/** The seat chosen for each of the scenario's powers, in its order. */
export function seatsChosen(s: { powers: readonly { id: string; name: string; color: string }[] }, c: StartChoices): { id: string; name: string; color: string; seat: SeatChoice }[] {
  return s.powers.map((p, i) => {
    const seat = c.seats.get(p.id) ?? defaultSeat(i);
    return { id: p.id, name: p.name, color: p.color, seat: isStrength(seat.strength) ? seat : { ...seat, strength: 'greedy' } };
  });
}

/** The mode the start screen's seats make. */
export const modeChosen = (s: { powers: readonly { id: string; name: string; color: string }[] }, c: StartChoices): Mode => {
  const seats = new Map(seatsChosen(s, c).map((x) => [x.id, x.seat]));
  return seatMode(s, (power) => {
    const seat = seats.get(power);
    return !seat || seat.human ? 'human' : { computer: seat.strength };
  });
};

const strengthWords = (strength: string): string => STRENGTHS.find(([v]) => v === strength)?.[1].replace(/ \(.*\)$/, '') ?? strength;

/** What the chosen seats make, in a sentence: against the computer, hot seat, or watching. */
export function seatsSummary(s: { powers: readonly { id: string; name: string; color: string }[] }, c: StartChoices): string {
  const seats = seatsChosen(s, c);
  const people = seats.filter((x) => x.seat.human).map((x) => x.name);
  const computers = seats.filter((x) => !x.seat.human).map((x) => `${x.name} (${strengthWords(x.seat.strength)})`);
  if (people.length === 0) return `Watch: the computer plays ${listWords(computers)}; you step through the turns.`;
  const against = computers.length > 0 ? ` The computer plays ${listWords(computers)}.` : '';
  if (people.length === 1) return `You play ${people[0] ?? ''}.${against}`;
  return `Hot seat: ${listWords(people)} take turns on this device, each passing it on so the next never sees their orders.${against}`;
}

/** The scenario's contest in a sentence: its powers and the countries on its board. */
export const contestWords = (s: ScenarioListing): string => `${listWords(s.powers.map((p) => p.name))} compete for influence in ${listWords(s.contested)}.`;

/** The entry of `list` the choices name (the first when they name none that is there). */
export const chosenEntry = (list: readonly ScenarioEntry[], c: StartChoices): ScenarioEntry | undefined => list.find((x) => x.id === c.scenario) ?? list[0];

interface StartProps {
  list: ScenarioEntry[];
  choices: StartChoices;
  change(next: Partial<StartChoices>): void;
  /** The entry's scenario, fetched if need be; undefined (and the page says why) when it cannot be had. */
  scenarioOf(entry: ScenarioEntry | undefined): Promise<Scenario | undefined>;
}

export function StartScreen({ list, choices, change, scenarioOf }: StartProps) {
  const store = useStoreApi();
  const linkBox = useRef<HTMLInputElement>(null);
  const entry = chosenEntry(list, choices);
  const s = entry?.listing;
  const chooseScenario = (id: string): void => change({ scenario: id, whatIf: false });
  const seat = (power: string, index: number, next: Partial<SeatChoice>): void => change({ seats: new Map(choices.seats).set(power, { ...(choices.seats.get(power) ?? defaultSeat(index)), ...next }) });
  const opened = (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const f = input.files?.[0];
    if (f) openChosenFile(store, f, 'any');
    input.value = '';
  };
  const share = (): void => {
    if (!entry || !linkBox.current) return;
    // A shipped scenario travels by its id; a file of one's own, whole.
    const offered = offerShareLink(entry.id !== 'custom' ? { shipped: entry.id } : { scenario: entry.scenario }, linkBox.current);
    change({ link: offered.ok ? linkBox.current.value : null });
    store.setState({ message: { kind: offered.ok ? 'info' : 'error', text: offered.message } });
  };
  const offered = useGuideOffered();
  const submit = async (e: Event, guided = false): Promise<void> => {
    e.preventDefault();
    if (guided) startGuide();
    const scenario = await scenarioOf(entry);
    if (!scenario) return;
    const mode = modeChosen(scenario, choices);
    // A new seed every game; the seed is kept in the save, so the game still replays exactly.
    const seed = `${scenario.id}-${crypto.getRandomValues(new Uint32Array(1))[0]?.toString(36) ?? '0'}`;
    store.getState().startGame(scenario, seed, mode, { whatIf: choices.whatIf && scenario.whatIf !== undefined });
  };
  return (
    <form class="start" aria-labelledby="start-title" onSubmit={(e) => void submit(e)}>
      <h1 id="start-title">New Great Game</h1>
      <p>Choose a scenario, then who plays each of its powers.</p>
      <label for="scenario">Scenario</label>
      <select id="scenario" name="scenario" data-landing value={entry?.id} onChange={(e) => chooseScenario(e.currentTarget.value)}>
        {list.map((x) => (
          <option key={x.id} value={x.id}>
            {x.id === 'custom' ? `Your file: ${x.listing.title}` : x.listing.title}
          </option>
        ))}
      </select>
      {s && <p class="contest">{contestWords(s)}</p>}
      <p class="summary">{s ? `${s.summary} (${s.turns} turn${s.turns === 1 ? '' : 's'}, to ${formatPartialDate(s.reportingEnds)} when the reporting ends.)` : ''}</p>
      {/* The "what if" continuation past the reporting is a choice of its own, never the default. */}
      <p class="what-if" hidden={!s?.whatIf}>
        <input type="checkbox" id="what-if" name="what-if" checked={choices.whatIf} onChange={(e) => change({ whatIf: e.currentTarget.checked })} />{' '}
        <label for="what-if">{s?.whatIf ? `Play on past the reporting — what if: ${s.whatIf.note} (${s.whatIf.turns} more turns, imagined, not reported)` : ''}</label>
      </p>
      {s && (
        <fieldset class="seats">
          <legend>Who plays each power</legend>
          {seatsChosen(s, choices).map((x, i) => (
            <fieldset class="seat" key={x.id}>
              <legend>
                <span class="swatch" style={`background:${x.color}`} />
                {x.name}
              </legend>
              <label>
                <input type="radio" name={`seat-${i}`} value="human" checked={x.seat.human} onChange={() => seat(x.id, i, { human: true })} /> Human
              </label>
              <label>
                <input type="radio" name={`seat-${i}`} value="computer" checked={!x.seat.human} onChange={() => seat(x.id, i, { human: false })} /> Computer
              </label>
              {/* Only a computer has a strength. */}
              {!x.seat.human && (
                <select id={`seat-${i}-strength`} aria-label={`${x.name}: computer strength`} value={x.seat.strength} onChange={(e) => seat(x.id, i, { strength: e.currentTarget.value })}>
                  {STRENGTHS.map(([value, words]) => (
                    <option key={value} value={value}>
                      {words}
                    </option>
                  ))}
                </select>
              )}
            </fieldset>
          ))}
        </fieldset>
      )}
      {s && (
        <p class="seats-summary" id="seats-summary">
          {seatsSummary(s, choices)}
        </p>
      )}
      {/* Kept in reach at the panel's foot, as End turn is in the game: on a 1366×768 laptop the scenario's summary pushed them below the fold. */}
      <div class="start-go">
        <button type="submit" data-key="start" aria-describedby={s ? 'seats-summary' : undefined}>
          Start game
        </button>
        {/* The guide walks a person through a turn: with nobody seated (watching) there is no turn to guide. */}
        {offered && s && seatsChosen(s, choices).some((x) => x.seat.human) && (
          <button type="button" data-key="start-guided" aria-describedby={s ? 'seats-summary' : undefined} onClick={(e) => void submit(e, true)}>
            First game? Take the guided turn
          </button>
        )}
      </div>
      <ProjectorToggle />
      <SavedGames />
      <label for="open-file">Open a scenario or save file (or drop one on the page)</label>
      <input type="file" id="open-file" accept="application/json,.json" data-key="open-file" onChange={opened} />
      <button type="button" data-key="share" onClick={share}>
        Share a link to this scenario
      </button>
      <input type="text" id="share-link" readOnly aria-label="Share link" style="width:100%" hidden={choices.link === null} value={choices.link ?? ''} ref={linkBox} />
    </form>
  );
}

const slotWords = (s: Extract<SlotSummary, { ok: true }>): string => `${s.title}, ${s.over ? 'finished' : `turn ${s.turn} of ${s.lastTurn}`}`;

function Damaged({ slot, what, reason }: { slot: Slot; what: string; reason: string }) {
  const store = useStoreApi();
  return (
    <div class="notice" role="group" aria-label={what}>
      <p>{`${what} cannot be read: ${reason}. It is kept as it was.`}</p>
      <button type="button" data-key={`download-${slot}`} onClick={() => downloadText(store.getState().savedText(slot), `new-great-game-${slot}-autosave.json`)}>
        {`Download ${what.toLowerCase()}`}
      </button>
      <button type="button" data-key={`discard-${slot}`} onClick={() => store.getState().discardSaved(slot)}>
        {`Discard ${what.toLowerCase()}`}
      </button>
    </div>
  );
}

/** The autosave's two slots on the start screen: continue or restore, and a damaged one explained, to download or discard. */
function SavedGames() {
  const store = useStoreApi();
  const { current, previous } = useGameStore((s) => s.saved);
  return (
    <>
      {current?.ok && (
        <button type="button" data-key="resume" onClick={() => store.getState().resumeAutosave()}>
          {`Continue saved game (${slotWords(current)})`}
        </button>
      )}
      {current && !current.ok && <Damaged slot="current" what="The saved game" reason={current.reason} />}
      {previous?.ok && (
        <p class="previous">
          <button type="button" data-key="restore-previous" onClick={() => store.getState().restorePrevious()}>
            {`Restore the previous game (${slotWords(previous)})`}
          </button>
          <button type="button" data-key="discard-previous" onClick={() => store.getState().discardSaved('previous')}>
            Discard the previous game
          </button>
        </p>
      )}
      {previous && !previous.ok && <Damaged slot="previous" what="The previous game" reason={previous.reason} />}
    </>
  );
}
