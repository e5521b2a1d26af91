// The start screen: scenario, mode, side and opponent, the autosave's games, files in,
// share links. What was chosen lives in the app (StartChoices), so a message, a file
// opened or a game played and left does not reset the form.
import { useRef } from 'preact/hooks';
import type { Scenario } from '../engine';
import { formatPartialDate } from '../engine';
import type { Mode, Slot, SlotSummary } from '../store/gameStore';
import { downloadText, openChosenFile } from './files';
import type { ScenarioListing } from './scenarioListing';
import { offerShareLink } from './share';
import { useGameStore, useStoreApi } from './storeHooks';
import { ProjectorToggle } from './viewPrefs';

/** A scenario in the start screen's list: a shipped one (its scenario once loaded), or a file of one's own (`custom`). */
export interface ScenarioEntry {
  id: string;
  listing: ScenarioListing;
  scenario: Scenario | undefined;
}

export type ModeKind = Mode['kind'];

export interface StartChoices {
  /** The scenario's id in the list (`custom` for a file of one's own). */
  scenario: string | undefined;
  mode: ModeKind;
  side: string | undefined;
  strength: string;
  whatIf: boolean;
  /** The last share link made, shown until another is asked for. */
  link: string | null;
  /** Where the scenario editor starts from. */
  editorFrom: 'chosen' | 'blank';
}

export const firstChoices = (): StartChoices => ({ scenario: undefined, mode: 'vs-computer', side: undefined, strength: 'greedy', whatIf: false, link: null, editorFrom: 'chosen' });

/** The entry of `list` the choices name (the first when they name none that is there). */
export const chosenEntry = (list: readonly ScenarioEntry[], c: StartChoices): ScenarioEntry | undefined => list.find((x) => x.id === c.scenario) ?? list[0];

interface StartProps {
  list: ScenarioEntry[];
  choices: StartChoices;
  change(next: Partial<StartChoices>): void;
  /** The entry's scenario, fetched if need be; undefined (and the page says why) when it cannot be had. */
  scenarioOf(entry: ScenarioEntry | undefined): Promise<Scenario | undefined>;
}

const STRENGTHS: readonly (readonly [string, string])[] = [
  ['greedy', 'Easy (rule of thumb)'],
  ['search:1', 'Normal (search 1)'],
  ['search:2', 'Hard (search 2)'],
  ['search:3', 'Hardest (search 3)'],
];

export function StartScreen({ list, choices, change, scenarioOf }: StartProps) {
  const store = useStoreApi();
  const linkBox = useRef<HTMLInputElement>(null);
  const entry = chosenEntry(list, choices);
  const s = entry?.listing;
  const side = s?.powers.some((p) => p.id === choices.side) ? choices.side : s?.powers[0]?.id;
  const chooseScenario = (id: string): void => change({ scenario: id, side: undefined, whatIf: false });
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
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const scenario = await scenarioOf(entry);
    if (!scenario) return;
    const mode: Mode = choices.mode === 'hot-seat' ? { kind: 'hot-seat' } : choices.mode === 'watch' ? { kind: 'watch', computer: choices.strength } : { kind: 'vs-computer', human: side ?? '', computer: choices.strength };
    // A new seed every game; the seed is kept in the save, so the game still replays exactly.
    const seed = `${scenario.id}-${crypto.getRandomValues(new Uint32Array(1))[0]?.toString(36) ?? '0'}`;
    store.getState().startGame(scenario, seed, mode, { whatIf: choices.whatIf && scenario.whatIf !== undefined });
  };
  return (
    <form class="start" aria-labelledby="start-title" onSubmit={(e) => void submit(e)}>
      <h1 id="start-title">New Great Game</h1>
      <p>Beijing and Moscow compete for influence in Central Asia. Choose a scenario and a side.</p>
      <label for="scenario">Scenario</label>
      <select id="scenario" name="scenario" data-landing value={entry?.id} onChange={(e) => chooseScenario(e.currentTarget.value)}>
        {list.map((x) => (
          <option key={x.id} value={x.id}>
            {x.id === 'custom' ? `Your file: ${x.listing.title}` : x.listing.title}
          </option>
        ))}
      </select>
      <p class="summary">{s ? `${s.summary} (${s.turns} turn${s.turns === 1 ? '' : 's'}, to ${formatPartialDate(s.reportingEnds)} when the reporting ends.)` : ''}</p>
      {/* The "what if" continuation past the reporting is a choice of its own, never the default. */}
      <p class="what-if" hidden={!s?.whatIf}>
        <input type="checkbox" id="what-if" name="what-if" checked={choices.whatIf} onChange={(e) => change({ whatIf: e.currentTarget.checked })} />{' '}
        <label for="what-if">{s?.whatIf ? `Play on past the reporting — what if: ${s.whatIf.note} (${s.whatIf.turns} more turns, imagined, not reported)` : ''}</label>
      </p>
      <label for="mode">Mode</label>
      <select id="mode" name="mode" value={choices.mode} onChange={(e) => change({ mode: e.currentTarget.value === 'hot-seat' ? 'hot-seat' : e.currentTarget.value === 'watch' ? 'watch' : 'vs-computer' })}>
        <option value="vs-computer">Against the computer</option>
        <option value="hot-seat">Two players on this device</option>
        <option value="watch">Watch computer against computer</option>
      </select>
      <label for="side">Your side</label>
      <select id="side" name="side" value={side} onChange={(e) => change({ side: e.currentTarget.value })}>
        {s?.powers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label for="strength">Computer opponent</label>
      <select id="strength" name="strength" value={choices.strength} onChange={(e) => change({ strength: e.currentTarget.value })}>
        {STRENGTHS.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
      <button type="submit" data-key="start">
        Start game
      </button>
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
