// The DOM side of the game: the start screen, the status bar, the country and order
// panel, the order queue with End Turn, and the turn report, as Preact components that
// read the store (storeHooks.ts) and render again when what they read changes. Every
// action is a button, so the keyboard reaches everything. Panels hold no game state.
// The scenario editor and the balance check are DOM elements of their own, hosted here.
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../engine';
import type { GameStoreState } from '../store/gameStore';
import { againstComputer } from '../store/gameStore';
import { ActionErrors, useShownBeside } from './actionErrors';
import { balancePanel } from './balancePanel';
import type { EditorPanel } from './editor/editorPanel';
import { eventsMemory } from './eventsPanel';
import { keepFocus } from './focus';
import { GameView, MapControls } from './game';
import { QuestionView, StorageTroubleView } from './notices';
import type { ScenarioEntry, StartChoices } from './startScreen';
import { StartScreen, chosenEntry, firstChoices } from './startScreen';
import type { ScenarioListing, ShippedScenarios } from './scenarioListing';
import { listingOf } from './scenarioListing';
import { StoreContext, useGameStore, useStoreApi } from './storeHooks';

/** A scenario as the editor's text, pointing editors at the schema beside the shipped files. */
const scenarioText = (s: Scenario): string => `${JSON.stringify({ $schema: './schema.json', ...s }, null, 2)}\n`;

/** What lives beside the components for the app's whole life: the editor (its own chunk, fetched the first time it opens) and the scenario last played from it. */
interface Shell {
  store: StoreApi<GameStoreState>;
  shipped: ShippedScenarios;
  /** The shipped scenarios loaded so far (each is fetched when first chosen). */
  loaded: Map<string, Scenario>;
  editor: EditorPanel | null;
  /** The scenario last played from the editor: its game offers a way back to the edits. */
  tried: Scenario | null;
  /** The scenario chosen on the start screen (the balance check and the editor start from it), once it is loaded. */
  chosen: ScenarioEntry | undefined;
  /** Told the listing of each scenario chosen on the start screen (the page's start picture frames it). */
  onChosen: ((listing: ScenarioListing | undefined) => void) | undefined;
}

const listOf = (shell: Shell, custom: Scenario | null): ScenarioEntry[] => {
  const shipped = shell.shipped.listings.map((listing) => ({ id: listing.id, listing, scenario: shell.loaded.get(listing.id) }));
  return custom ? [{ id: 'custom', listing: listingOf('custom', custom), scenario: custom }, ...shipped] : shipped;
};

/**
 * The entry's scenario: at once if it is loaded, else fetched (its own chunk). When it cannot
 * be had (the download failed…), the page says why and the answer is undefined.
 */
async function scenarioOf(shell: Shell, entry: ScenarioEntry | undefined): Promise<Scenario | undefined> {
  if (!entry || entry.scenario) return entry?.scenario;
  const r = await shell.shipped.load(entry.id);
  if (r.ok) {
    shell.loaded.set(entry.id, r.scenario);
    return r.scenario;
  }
  shell.store.setState({ message: { kind: 'error', text: `The scenario could not be opened: ${r.reason}.` } });
  return undefined;
}

/** `onChosen` hears of every scenario chosen on the start screen (the default first; a file of one's own when opened). */
export function mountApp(root: HTMLElement, store: StoreApi<GameStoreState>, shipped: ShippedScenarios, onChosen?: (listing: ScenarioListing | undefined) => void): () => void {
  const shell: Shell = { store, shipped, loaded: new Map(), editor: null, tried: null, chosen: undefined, onChosen };
  // A file opened or dropped while the editor is open goes into the editor.
  const unsubscribeFiles = store.subscribe((now, before) => {
    const { editor } = shell;
    if (editor && now.editorOpen && before.editorOpen && now.customScenario && now.customScenario !== before.customScenario) {
      editor.replace(scenarioText(now.customScenario), `"${now.customScenario.title}"`);
      // The editor's own note says where it went; "choose it on the start screen" would mislead.
      if (now.message?.kind === 'info') store.setState({ message: null });
    }
  });
  root.replaceChildren();
  const stopKeepingFocus = keepFocus(root);
  render(
    <StoreContext.Provider value={store}>
      <ActionErrors>
        <App shell={shell} />
      </ActionErrors>
    </StoreContext.Provider>,
    root,
  );
  return () => {
    unsubscribeFiles();
    stopKeepingFocus();
    render(null, root);
  };
}

/** The zoom buttons over the map, in a game (a second root: the map is not inside the panel). */
export function mountMapControls(root: HTMLElement, store: StoreApi<GameStoreState>): () => void {
  render(
    <StoreContext.Provider value={store}>
      <MapControls />
    </StoreContext.Provider>,
    root,
  );
  return () => render(null, root);
}

async function loadEditor(shell: Shell): Promise<EditorPanel> {
  if (shell.editor) return shell.editor;
  const { store } = shell;
  const { editorPanel } = await import('./editor/editorPanel');
  shell.editor = editorPanel({
    play: (scenario) => {
      shell.tried = scenario;
      store.setState({ customScenario: scenario, editorOpen: false });
      const first = scenario.powers[0]?.id ?? '';
      store.getState().startGame(scenario, `${scenario.id}-try`, againstComputer(scenario, first, 'greedy'));
    },
    close: () => store.setState({ editorOpen: false }),
  });
  return shell.editor;
}

function App({ shell }: { shell: Shell }) {
  const store = useStoreApi();
  const session = useGameStore((s) => s.session);
  const editorOpen = useGameStore((s) => s.editorOpen);
  const custom = useGameStore((s) => s.customScenario);
  const [choices, setChoices] = useState<StartChoices>(firstChoices);
  const change = (next: Partial<StartChoices>): void => setChoices((c) => ({ ...c, ...next }));
  // Which event cards are open, across turns and screens.
  const [events] = useState(eventsMemory);
  // The balance panel lives across renders of the start screen (a check may be running).
  const [balance] = useState(() => balancePanel(() => scenarioOf(shell, shell.chosen)));
  // A shipped scenario's file is downloaded when it is chosen (the first one once the page is
  // up), so that Start, the editor and the balance check find it at hand; it is validated when
  // one of them first uses it, not at the page's start (src/web/shipped.ts).
  const list = listOf(shell, custom);
  const entry = chosenEntry(list, choices);
  shell.chosen = entry;
  useEffect(() => {
    if (!entry || entry.scenario) return;
    shell.shipped.fetchAhead(entry.id);
  }, [entry?.id, entry?.scenario]);
  // A file of one's own keeps the id "custom" whatever it holds: another file is another choice.
  useEffect(() => shell.onChosen?.(entry?.listing), [entry?.id, entry?.id === 'custom' ? custom : null]);
  const scenarioOfEntry = (e: ScenarioEntry | undefined): Promise<Scenario | undefined> => scenarioOf(shell, e);
  // A scenario of one's own (opened, dropped, shared, or played from the editor) becomes the choice.
  useEffect(() => {
    if (custom) change({ scenario: 'custom', whatIf: false });
  }, [custom]);
  // A share link naming a shipped scenario chooses it.
  const linked = useGameStore((s) => s.linkedScenario);
  useEffect(() => {
    if (linked === null) return;
    change({ scenario: linked, whatIf: false });
    store.setState({ linkedScenario: null });
  }, [linked]);
  const editing = editorOpen && shell.editor !== null;
  // The editor takes the whole window: the map gives way to the form and the text.
  useLayoutEffect(() => {
    document.body.classList.toggle('editing', editing);
  }, [editing]);
  const openEditor = async (from: 'chosen' | 'blank'): Promise<void> => {
    const chosen = shell.chosen;
    const s = from === 'chosen' ? await scenarioOf(shell, chosen) : undefined;
    if (from === 'chosen' && !s) return;
    let panel: EditorPanel;
    let blank: unknown;
    try {
      // The editor (and the blank template) are chunks of their own, fetched the first time.
      panel = await loadEditor(shell);
      if (from === 'blank') blank = (await import('../../scenarios/templates/blank.json')).default;
    } catch {
      store.setState({ message: { kind: 'error', text: 'The scenario editor could not be downloaded (is the connection down, or was the game updated since this page opened?): try again, or reload the page.' } });
      return;
    }
    if (from === 'blank') panel.open(`${JSON.stringify(blank, null, 2)}\n`);
    // Reopening on the scenario just tried keeps the edits as they were (even invalid ones).
    else if (s && !(chosen?.id === 'custom' && s === shell.tried)) panel.open(scenarioText(s));
    store.setState({ editorOpen: true });
  };
  const backToEditor = (): void => {
    // Leaving the game as New game does (it stays autosaved; asked first if the browser is not keeping it).
    store.getState().leaveGame();
    if (!store.getState().session) store.setState({ editorOpen: true });
  };
  let main;
  if (editing && shell.editor) main = <DomHost node={shell.editor.element} />;
  else if (session) main = <GameView events={events} backToEditor={session.scenario === shell.tried ? backToEditor : null} />;
  else
    main = (
      <>
        <StartScreen list={list} choices={choices} change={change} scenarioOf={scenarioOfEntry} />
        <MakeYourOwn from={choices.editorFrom} change={(editorFrom) => change({ editorFrom })} open={(from) => void openEditor(from)} />
        <RunAClass />
        <DomHost node={balance} />
      </>
    );
  return (
    <>
      {/* What must be seen whatever is showing: a question waiting for an answer, a failing autosave. */}
      <QuestionView />
      <StorageTroubleView />
      {main}
      <MessageView />
    </>
  );
}

/** A DOM element that keeps its own state (the editor, the balance check), placed among the components. */
function DomHost({ node }: { node: HTMLElement }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.replaceChildren(node);
  }, [node]);
  return <div class="dom-host" ref={host} />;
}

function MakeYourOwn({ from, change, open }: { from: 'chosen' | 'blank'; change(from: 'chosen' | 'blank'): void; open(from: 'chosen' | 'blank'): void }) {
  return (
    <section class="panel" aria-labelledby="own-title">
      <h2 id="own-title">Make your own</h2>
      <label for="editor-start">Start from</label>{' '}
      <select id="editor-start" value={from} onChange={(e) => change(e.currentTarget.value === 'blank' ? 'blank' : 'chosen')}>
        <option value="chosen">The scenario chosen above</option>
        <option value="blank">A blank scenario (two powers, two countries)</option>
      </select>
      <p>
        <button type="button" data-key="open-editor" onClick={() => open(from)}>
          Open the scenario editor
        </button>
      </p>
    </section>
  );
}

/** The way to a classroom game (src/ui/classroom): teams on their own devices, served by `npm run serve`. */
function RunAClass() {
  return (
    <section class="panel run-class" aria-labelledby="class-title">
      <h2 id="class-title">Run a class</h2>
      <p>
        {'Teams play the powers and republics from their own phones, a projector shows the map, you run the clock. '}
        <a href="/?classroom" data-key="run-class">
          Set up a classroom game
        </a>
      </p>
      <p class="summary">It needs the classroom server: start it with npm run serve.</p>
    </section>
  );
}

function MessageView() {
  const store = useStoreApi();
  const said = useGameStore((s) => s.message);
  // An error shown beside the control that caused it is not said again here.
  const beside = useShownBeside();
  const m = said === beside ? null : said;
  return (
    <div class={`message ${m?.kind ?? ''}`} role={m?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {m && (
        <>
          <p>{m.text}</p>
          <button type="button" data-key="dismiss" onClick={() => store.getState().dismissMessage()}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
