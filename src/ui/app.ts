// The DOM side of the game: the start screen, the status bar, the country and order
// panel, the order queue with End Turn, and the turn report. Every panel is rebuilt
// from the store when it changes; every action is a button, so the keyboard reaches
// everything. Panels hold no game state.
import type { StoreApi } from 'zustand/vanilla';
import type { Change, LegalOrder, Order, Scenario, TurnReport } from '../engine';
import { controlMargin, currentDate, describeChange, describeFactor, formatPartialDate, isImaginedTurn, legalOrders, orderCost, orderKey, orderLabel, indexScenario, own, previewOrder, reportingEnds, standing } from '../engine';
import type { GameStoreState, Mode, Slot, SlotSummary } from '../store/gameStore';
import { button, h, replaceKeepingFocus } from './dom';
import { influenceChart } from './charts';
import { balancePanel } from './balancePanel';
import { offerShareLink } from './share';
import { basisLine, groundingView, sourceLine } from './sources';
import { downloadText, openChosenFile } from './files';
import { questionView, storageTroubleView } from './notices';
import type { EventsPanel } from './eventsPanel';
import { eventsPanel } from './eventsPanel';
import { turnPreviewView } from './turnPreview';
import type { EditorPanel } from './editor/editorPanel';

export interface ShippedScenario {
  id: string;
  scenario: Scenario;
}

const powerName = (s: Scenario, id: string | null | undefined): string => s.powers.find((p) => p.id === id)?.name ?? String(id);
/** A scenario as the editor's text, pointing editors at the schema beside the shipped files. */
const scenarioText = (s: Scenario): string => `${JSON.stringify({ $schema: './schema.json', ...s }, null, 2)}\n`;
const countryName = (s: Scenario, id: string): string => s.countries.find((c) => c.id === id)?.name ?? id;

export function mountApp(root: HTMLElement, store: StoreApi<GameStoreState>, shipped: ShippedScenario[]): () => void {
  let chosen = shipped[0]?.id;
  const all = (): ShippedScenario[] => {
    const custom = store.getState().customScenario;
    return custom ? [{ id: 'custom', scenario: custom }, ...shipped] : shipped;
  };
  // The balance panel lives across renders of the start screen (a check may be running).
  const balance = balancePanel(() => all().find((x) => x.id === chosen)?.scenario);
  // The events panel remembers which cards are open across renders.
  const eventsAhead = eventsPanel();
  // The start screen is drawn again on every change of the store: what was chosen and the
  // last share link live here, so a message (or any other change) does not reset them.
  let sharedLink: string | null = null;
  let startFrom: 'chosen' | 'blank' = 'chosen';
  // The scenario last played from the editor: its game offers a way back to the edits.
  let tried: Scenario | null = null;
  // The editor is its own chunk (form, schema, maps), fetched the first time it opens.
  let editor: EditorPanel | null = null;
  const loadEditor = async (): Promise<EditorPanel> => {
    if (editor) return editor;
    const { editorPanel } = await import('./editor/editorPanel');
    editor = editorPanel({
      play: (scenario) => {
        tried = scenario;
        store.setState({ customScenario: scenario, editorOpen: false });
        const first = scenario.powers[0]?.id ?? '';
        store.getState().startGame(scenario, `${scenario.id}-try`, { kind: 'vs-computer', human: first, computer: 'greedy' });
      },
      close: () => store.setState({ editorOpen: false }),
    });
    return editor;
  };
  const openEditor = async (from: 'chosen' | 'blank'): Promise<void> => {
    const s = all().find((x) => x.id === chosen)?.scenario;
    const panel = await loadEditor();
    if (from === 'blank') {
      const { default: blank } = await import('../../scenarios/templates/blank.json');
      panel.open(`${JSON.stringify(blank, null, 2)}\n`);
    } else if (!s) return;
    // Reopening on the scenario just tried keeps the edits as they were (even invalid ones).
    else if (!(chosen === 'custom' && s === tried)) panel.open(scenarioText(s));
    store.setState({ editorOpen: true });
  };
  const backToEditor = (): void => {
    // Leaving the game as New game does (it stays autosaved; asked first if the browser is not keeping it).
    store.getState().leaveGame();
    if (!store.getState().session) store.setState({ editorOpen: true });
  };
  const makeYourOwn = (): HTMLElement => {
    const from = h('select', { id: 'editor-start' }, h('option', { value: 'chosen', selected: startFrom === 'chosen' }, 'The scenario chosen above'), h('option', { value: 'blank', selected: startFrom === 'blank' }, 'A blank scenario (two powers, two countries)'));
    from.addEventListener('change', () => (startFrom = from.value === 'blank' ? 'blank' : 'chosen'));
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'own-title' },
      h('h2', { id: 'own-title' }, 'Make your own'),
      h('label', { for: 'editor-start' }, 'Start from'),
      ' ',
      from,
      h('p', {}, button('Open the scenario editor', () => void openEditor(startFrom), { 'data-key': 'open-editor' })),
    );
  };
  const render = (): void => {
    const state = store.getState();
    // The editor takes the whole window: the map gives way to the form and the text.
    document.body.classList.toggle('editing', state.editorOpen && editor !== null);
    // What must be seen whatever is showing: a question waiting for an answer, a failing autosave.
    const notices = (): HTMLElement[] => [questionView(store), storageTroubleView(store)].filter((x): x is HTMLElement => x !== null);
    if (state.editorOpen && editor) {
      if (root.contains(editor.element)) {
        for (const old of [...root.children]) if (old !== editor.element) old.remove();
        root.prepend(...notices());
        root.append(messageView(store));
      } else replaceKeepingFocus(root, ...notices(), editor.element, messageView(store));
      focusQuestion();
      return;
    }
    const start = (): HTMLElement[] => [startView(store, all(), { chosen, link: sharedLink }, { choose: (id) => (chosen = id), shared: (url) => (sharedLink = url) }), makeYourOwn(), balance];
    const game = (): HTMLElement[] => {
      const views = gameView(store, eventsAhead);
      if (state.session?.scenario === tried) views.splice(1, 0, h('p', {}, button('Back to the editor', backToEditor, { 'data-key': 'back-to-editor' })));
      return views;
    };
    replaceKeepingFocus(root, ...notices(), ...(state.session ? game() : start()), messageView(store));
    focusQuestion();
  };
  // A question that appears takes the focus (and so the screen reader's attention and the
  // view, on a phone below the map); its safe answer is first.
  let asked: unknown = null;
  const focusQuestion = (): void => {
    const q = store.getState().question;
    if (q && q !== asked) root.querySelector<HTMLElement>('[data-key="question-no"]')?.focus();
    asked = q;
  };
  // A file opened or dropped while the editor is open goes into the editor.
  const unsubscribeFiles = store.subscribe((now, before) => {
    // A scenario of one's own (opened, dropped, shared, or played from the editor) becomes the choice.
    if (now.customScenario && now.customScenario !== before.customScenario) chosen = 'custom';
    if (editor && now.editorOpen && before.editorOpen && now.customScenario && now.customScenario !== before.customScenario) {
      editor.replace(scenarioText(now.customScenario), `"${now.customScenario.title}"`);
      // The editor's own note says where it went; "choose it on the start screen" would mislead.
      if (now.message?.kind === 'info') store.setState({ message: null });
    }
  });
  const unsubscribeRender = store.subscribe(render);
  const unsubscribe = (): void => {
    unsubscribeFiles();
    unsubscribeRender();
  };
  render();
  return unsubscribe;
}

function messageView(store: StoreApi<GameStoreState>): HTMLElement {
  const m = store.getState().message;
  const box = h('div', { class: `message ${m?.kind ?? ''}`, role: m?.kind === 'error' ? 'alert' : 'status', 'aria-live': 'polite' });
  if (m) box.append(h('p', {}, m.text), button('Dismiss', () => store.getState().dismissMessage(), { 'data-key': 'dismiss' }));
  return box;
}

interface StartChoices {
  chosen: string | undefined;
  link: string | null;
}

function startView(store: StoreApi<GameStoreState>, shipped: ShippedScenario[], was: StartChoices, on: { choose(id: string): void; shared(url: string | null): void }): HTMLElement {
  const form = h('form', { class: 'start', 'aria-labelledby': 'start-title' });
  const scenarioSelect = h('select', { id: 'scenario', name: 'scenario' });
  for (const s of shipped) scenarioSelect.append(h('option', { value: s.id }, s.id === 'custom' ? `Your file: ${s.scenario.title}` : s.scenario.title));
  const sideSelect = h('select', { id: 'side', name: 'side' });
  const modeSelect = h('select', { id: 'mode', name: 'mode' }, h('option', { value: 'vs-computer' }, 'Against the computer'), h('option', { value: 'hot-seat' }, 'Two players on this device'), h('option', { value: 'watch' }, 'Watch computer against computer'));
  const strength = h('select', { id: 'strength', name: 'strength' }, h('option', { value: 'greedy' }, 'Easy (rule of thumb)'), h('option', { value: 'search:1' }, 'Normal (search 1)'), h('option', { value: 'search:2' }, 'Hard (search 2)'), h('option', { value: 'search:3' }, 'Hardest (search 3)'));
  const summary = h('p', { class: 'summary' });
  // The "what if" continuation past the reporting is a choice of its own, never the default.
  const whatIf = h('input', { type: 'checkbox', id: 'what-if', name: 'what-if' });
  const whatIfLabel = h('label', { for: 'what-if' });
  const whatIfRow = h('p', { class: 'what-if' }, whatIf, ' ', whatIfLabel);
  const fillSides = (): void => {
    const s = shipped.find((x) => x.id === scenarioSelect.value)?.scenario;
    sideSelect.replaceChildren(...(s?.powers.map((p) => h('option', { value: p.id }, p.name)) ?? []));
    summary.textContent = s ? `${s.summary} (${s.turns} turn${s.turns === 1 ? '' : 's'}, to ${formatPartialDate(reportingEnds(s))} when the reporting ends.)` : '';
    whatIfRow.hidden = !s?.whatIf;
    whatIf.checked = false;
    whatIfLabel.textContent = s?.whatIf ? `Play on past the reporting — what if: ${s.whatIf.note} (${s.whatIf.turns} more turns, imagined, not reported)` : '';
    on.choose(scenarioSelect.value);
  };
  scenarioSelect.addEventListener('change', fillSides);
  if (was.chosen !== undefined && shipped.some((x) => x.id === was.chosen)) scenarioSelect.value = was.chosen;
  fillSides();
  form.append(
    h('h1', { id: 'start-title' }, 'New Great Game'),
    h('p', {}, 'Beijing and Moscow compete for influence in Central Asia. Choose a scenario and a side.'),
    h('label', { for: 'scenario' }, 'Scenario'),
    scenarioSelect,
    summary,
    whatIfRow,
    h('label', { for: 'mode' }, 'Mode'),
    modeSelect,
    h('label', { for: 'side' }, 'Your side'),
    sideSelect,
    h('label', { for: 'strength' }, 'Computer opponent'),
    strength,
    h('button', { type: 'submit', 'data-key': 'start' }, 'Start game'),
  );
  form.append(...savedGamesView(store));
  const file = h('input', { type: 'file', id: 'open-file', accept: 'application/json,.json', 'data-key': 'open-file' });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) openChosenFile(store, f, 'any');
  });
  form.append(h('label', { for: 'open-file' }, 'Open a scenario or save file (or drop one on the page)'), file);
  const linkBox = h('input', { type: 'text', id: 'share-link', readonly: true, 'aria-label': 'Share link', style: 'width:100%', hidden: was.link === null, value: was.link ?? undefined });
  form.append(
    button('Share a link to this scenario', () => {
      const s = shipped.find((x) => x.id === scenarioSelect.value)?.scenario;
      if (!s) return;
      const offered = offerShareLink(s, linkBox);
      on.shared(offered.ok ? linkBox.value : null);
      store.setState({ message: { kind: offered.ok ? 'info' : 'error', text: offered.message } });
    }, { 'data-key': 'share' }),
    linkBox,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = shipped.find((x) => x.id === scenarioSelect.value)?.scenario;
    if (!s) return;
    const mode: Mode = modeSelect.value === 'hot-seat' ? { kind: 'hot-seat' } : modeSelect.value === 'watch' ? { kind: 'watch', computer: strength.value } : { kind: 'vs-computer', human: sideSelect.value, computer: strength.value };
    // A new seed every game; the seed is kept in the save, so the game still replays exactly.
    const seed = `${s.id}-${crypto.getRandomValues(new Uint32Array(1))[0]?.toString(36) ?? '0'}`;
    store.getState().startGame(s, seed, mode, { whatIf: whatIf.checked && s.whatIf !== undefined });
  });
  return form;
}

const slotWords = (s: Extract<SlotSummary, { ok: true }>): string => `${s.title}, ${s.over ? 'finished' : `turn ${s.turn} of ${s.lastTurn}`}`;

/** The autosave's two slots on the start screen: continue or restore, and a damaged one explained, to download or discard. */
function savedGamesView(store: StoreApi<GameStoreState>): HTMLElement[] {
  const { current, previous } = store.getState().saved;
  const out: HTMLElement[] = [];
  const damaged = (slot: Slot, what: string, reason: string): HTMLElement =>
    h(
      'div',
      { class: 'notice', role: 'group', 'aria-label': what },
      h('p', {}, `${what} cannot be read: ${reason}. It is kept as it was.`),
      button(`Download ${what.toLowerCase()}`, () => downloadText(store.getState().savedText(slot), `new-great-game-${slot}-autosave.json`), { 'data-key': `download-${slot}` }),
      button(`Discard ${what.toLowerCase()}`, () => store.getState().discardSaved(slot), { 'data-key': `discard-${slot}` }),
    );
  if (current?.ok) out.push(button(`Continue saved game (${slotWords(current)})`, () => store.getState().resumeAutosave(), { 'data-key': 'resume' }));
  else if (current) out.push(damaged('current', 'The saved game', current.reason));
  if (previous?.ok) out.push(h('p', { class: 'previous' }, button(`Restore the previous game (${slotWords(previous)})`, () => store.getState().restorePrevious(), { 'data-key': 'restore-previous' }), button('Discard the previous game', () => store.getState().discardSaved('previous'), { 'data-key': 'discard-previous' })));
  else if (previous) out.push(damaged('previous', 'The previous game', previous.reason));
  return out;
}

function gameView(store: StoreApi<GameStoreState>, eventsAhead: EventsPanel): HTMLElement[] {
  const state = store.getState();
  const session = state.session;
  if (!session) return [];
  const s = session.scenario;
  const st = session.record.state;
  const over = st.phase.kind === 'over';
  const status = h(
    'header',
    { class: 'status' },
    h('h1', {}, s.title),
    h('p', {}, `${over ? 'Game over' : `Turn ${st.turn} of ${st.lastTurn}`} — ${currentDate(s, st)}${!over && isImaginedTurn(s, st.turn) ? ' — what if: an imagined turn, past the reporting' : ''}`),
    h('ul', { class: 'scores', 'aria-label': 'Victory points' }, ...s.powers.map((p) => h('li', {}, h('span', { class: 'swatch', style: `background:${p.color}` }), `${p.name}: ${own(st.powers, p.id)?.points ?? 0} points`))),
  );
  const panels: HTMLElement[] = [status];
  const replay = state.replay;
  if (replay) {
    const last = replay.states.length - 1;
    const report = replay.index > 0 ? session.reports[replay.index - 1] : undefined;
    const shown = replay.states[replay.index];
    panels.push(
      h(
        'section',
        { class: 'panel replay', 'aria-labelledby': 'replay-title' },
        h('h2', { id: 'replay-title' }, replay.index === 0 ? `Replay: the start (${s.start})` : `Replay: after turn ${replay.index} of ${last}`),
        h('p', {}, s.powers.map((p) => `${p.name} ${own(shown?.powers, p.id)?.points ?? 0} points`).join(', ')),
        button('Previous turn', () => store.getState().replayStep(-1), { 'data-key': 'replay-prev', disabled: replay.index === 0 }),
        button('Next turn', () => store.getState().replayStep(1), { 'data-key': 'replay-next', disabled: replay.index === last }),
        button('Leave the replay', () => store.getState().stopReplay(), { 'data-key': 'replay-exit' }),
      ),
    );
    if (report) panels.push(reportView(s, report));
    return panels;
  }
  if (session.handover && !over) {
    // Hot seat: a blank hand-over screen, so the next player sees nothing of the last one's orders.
    panels.push(h('section', { class: 'panel handover', 'aria-labelledby': 'handover-title' }, h('h2', { id: 'handover-title' }, `Pass the device to ${powerName(s, session.activePower)}`), h('p', {}, 'Orders stay hidden until both sides have given theirs.'), button(`I am ${powerName(s, session.activePower)}: show my turn`, () => store.getState().confirmHandover(), { 'data-key': 'handover', class: 'primary' })));
    // The last turn's report is public: both players read it before the next turn.
    const lastReport = session.reports[session.reports.length - 1];
    if (lastReport) panels.push(reportView(s, lastReport));
    return panels;
  }
  if (over && st.phase.kind === 'over') panels.push(debriefView(store));
  else if (session.mode.kind === 'watch') panels.push(h('section', { class: 'panel' }, h('h2', {}, 'Watching'), button('Next turn', () => store.getState().endTurn(), { 'data-key': 'end-turn' })));
  else panels.push(countryPanel(store), queuePanel(store));
  const last = session.reports[session.reports.length - 1];
  if (last) panels.push(reportView(s, last));
  // What may happen next, as the player whose turn it is may see it (watching: what anyone may see).
  if (!over) panels.push(eventsAhead.view(s, st, session.activePower));
  const zoom = store.getState().zoom;
  panels.push(
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'view-title' },
      h('h2', { id: 'view-title' }, `Map view (zoom ${zoom.toFixed(1)}×)`),
      button('Zoom in', () => store.getState().setZoom(zoom * 1.25), { 'data-key': 'zoom-in', disabled: zoom >= 4 }),
      button('Zoom out', () => store.getState().setZoom(zoom / 1.25), { 'data-key': 'zoom-out', disabled: zoom <= 1 }),
      button('Whole region', () => store.getState().setZoom(1), { 'data-key': 'zoom-reset' }),
      h('p', { class: 'summary' }, 'Or use the mouse wheel and drag the map. Colours show who leads; the labels say it in words.'),
    ),
  );
  panels.push(h('section', { class: 'panel tools' }, h('h2', {}, 'Game'), button('Replay the game so far', () => store.getState().startReplay(), { 'data-key': 'replay', disabled: session.record.turns.length === 0 }), button('Export save', () => downloadText(store.getState().exportSave(), 'new-great-game-save.json'), { 'data-key': 'export' }), importControl(store), button('New game', () => store.getState().leaveGame(), { 'data-key': 'new-game' })));
  return panels;
}

function importControl(store: StoreApi<GameStoreState>): HTMLElement {
  const input = h('input', { type: 'file', id: 'import-save', accept: 'application/json,.json', 'data-key': 'import' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) openChosenFile(store, file, 'save');
  });
  return h('p', {}, h('label', { for: 'import-save' }, 'Import save '), input);
}

function countryPanel(store: StoreApi<GameStoreState>): HTMLElement {
  const { session, selectedCountry } = store.getState();
  if (!session) return h('section');
  const s = session.scenario;
  const st = session.record.state;
  const power = session.activePower;
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'country-title' });
  const contested = s.countries.filter((c) => c.role === 'contested');
  panel.append(
    h('h2', { id: 'country-title' }, 'Countries'),
    h(
      'div',
      { class: 'country-buttons', role: 'group', 'aria-label': 'Select a country' },
      ...contested.map((c) => {
        const b = button(c.name, () => store.getState().selectCountry(c.id), { 'data-key': `country-${c.id}`, 'aria-pressed': selectedCountry === c.id ? 'true' : 'false' });
        return b;
      }),
    ),
  );
  const id = selectedCountry;
  const cs = id ? own(st.countries, id) : undefined;
  if (!id || !cs || !power) {
    panel.append(h('p', {}, 'Select a country on the map or with the buttons above to see its situation and your orders there.'));
    return panel;
  }
  const lead = standing(s.powers.map((p) => p.id), cs);
  panel.append(
    h('h3', {}, countryName(s, id)),
    h('p', {}, controlText(s, id, lead)),
    h(
      'table',
      { class: 'facts' },
      h('caption', {}, `${countryName(s, id)} at a glance`),
      h('tr', {}, h('th', { scope: 'col' }, 'Power'), h('th', { scope: 'col' }, 'Influence'), h('th', { scope: 'col' }, 'Economic ties'), h('th', { scope: 'col' }, 'Security ties')),
      ...s.powers.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, String(own(cs.influence, p.id) ?? 0)), h('td', {}, String(own(cs.dependence.economic, p.id) ?? 0)), h('td', {}, String(own(cs.dependence.security, p.id) ?? 0)))),
    ),
    h('p', {}, `Stability ${cs.stability}. Influence is a share of ${countryName(s, id)}'s attention: ${Math.max(0, 100 - s.powers.reduce((sum, p) => sum + (own(cs.influence, p.id) ?? 0), 0))} of 100 is still uncommitted; once none is, every gain comes out of the rivals.`),
  );
  const ix = indexScenario(s);
  const options = legalOrders(s, st, power).filter((o) => (o.order.type === 'project' ? (ix.routeCountries.get(o.order.project) ?? []).includes(id) : o.order.country === id));
  const queued = new Set((session.pending.get(power) ?? []).map(orderKey));
  panel.append(h('h3', {}, `${powerName(s, power)}'s orders for ${countryName(s, id)}`));
  const list = h('ul', { class: 'orders' });
  const mine = session.pending.get(power) ?? [];
  for (const o of options) list.append(orderItem(store, s, st, power, o, queued.has(orderKey(o.order)), mine));
  if (options.length === 0) list.append(h('li', {}, 'No order you can afford here this turn.'));
  panel.append(list);
  return panel;
}

/** "Moscow controls Tajikistan (lead 12, needs 9)" or what leading short of control scores. */
function controlText(s: Scenario, id: string, lead: ReturnType<typeof standing>): string {
  const needs = controlMargin(s, id);
  if (!lead.leader) return `No power leads. Control needs a lead of ${needs} (this country's sovereignty sets it).`;
  if (lead.lead >= needs) return `${powerName(s, lead.leader)} controls ${countryName(s, id)} (lead ${lead.lead}, needs ${needs}) and scores its importance each turn, more at a summit.`;
  return `${powerName(s, lead.leader)} leads by ${lead.lead}, short of control (needs ${needs}): it scores ${s.victory.leadPoints} a turn here, more at a summit.`;
}

function orderItem(store: StoreApi<GameStoreState>, s: Scenario, st: Parameters<typeof previewOrder>[1], power: string, o: LegalOrder, queued: boolean, mine: readonly Order[]): HTMLElement {
  const p = previewOrder(s, st, power, o.order, mine);
  const details: string[] = [];
  if (p.ok) {
    for (const c of p.value.now) if (!c.path.endsWith('.budget') || c.power !== power) details.push(shortChange(c));
    if (p.value.onCompletion) details.push(`when finished in ${p.value.onCompletion.turns} turns: ${p.value.onCompletion.changes.map(shortChange).join('; ')}`);
    if (p.value.influencePct !== undefined && p.value.factors.length > 0) details.push(`lands at ${p.value.influencePct}%: ${p.value.factors.filter((f) => f.pct !== 0).map((f) => `${f.pct > 0 ? '+' : ''}${f.pct}% ${describeFactor(f)}`).join(', ') || 'no modifiers'}`);
    if (p.value.risk) details.push(`risk ${p.value.risk.chancePct}%: ${p.value.risk.description}`);
  }
  const label = `${o.label} (cost ${o.cost})`;
  const ix = indexScenario(s);
  const basis = o.order.type === 'project' ? ix.project.get(o.order.project)?.basis : ix.action.get(o.order.action)?.basis;
  const item = h('li', {}, h('strong', {}, label), h('p', { class: 'preview' }, details.join(' · ')), basis ? h('p', { class: `source${basis.kind === 'assumption' ? ' assumption' : ''}` }, basisLine(s, basis)) : '');
  if (o.order.type === 'project' && !queued) {
    // A tender: a sealed extra offer wins the contract if the rival orders it too; it is paid even when nobody does.
    const project = o.order.project;
    const spare = Math.max(0, (own(st.powers, power)?.budget ?? 0) - o.cost);
    const bidId = `bid-${project}`;
    const bid = h('input', { type: 'number', id: bidId, min: '0', max: String(spare), step: '1', value: '0', 'data-key': bidId });
    item.append(h('p', { class: 'bid' }, h('label', { for: bidId }, 'Sealed bid on top of the cost (wins the tender if the rival orders it too; paid either way) '), bid));
    item.append(button('Queue order', () => {
      const extra = Math.max(0, Math.min(spare, Math.trunc(Number(bid.value) || 0)));
      store.getState().queueOrder(extra > 0 ? { type: 'project', project, bid: extra } : { type: 'project', project });
    }, { 'data-key': `queue-${orderKey(o.order)}`, 'aria-label': `Queue order: ${label}` }));
    return item;
  }
  item.append(button(queued ? 'Queued' : 'Queue order', () => store.getState().queueOrder(o.order), { 'data-key': `queue-${orderKey(o.order)}`, disabled: queued, 'aria-label': queued ? `Queued: ${label}` : `Queue order: ${label}` }));
  return item;
}

const shortChange = (c: Change): string => `${c.what} ${String(c.from)} → ${String(c.to)}`;

function queuePanel(store: StoreApi<GameStoreState>): HTMLElement {
  const session = store.getState().session;
  const power = session?.activePower;
  if (!session || !power) return h('section');
  const s = session.scenario;
  const ix = indexScenario(s);
  const queued: readonly Order[] = session.pending.get(power) ?? [];
  const budget = own(session.record.state.powers, power)?.budget ?? 0;
  const cost = queued.reduce((sum, o) => sum + orderCost(ix, o), 0);
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'queue-title' });
  panel.append(
    h('h2', { id: 'queue-title' }, `${powerName(s, power)}: orders this turn`),
    h('p', {}, `Budget ${budget}, committed ${cost}, left ${budget - cost}. At most ${s.rules.maxOrdersPerTurn} orders. What you leave unspent carries over whole to the next turn (a saved-up budget wins tenders).`),
    h('p', {}, nextSummitText(s, session.record.state.turn)),
  );
  const list = h('ol', { class: 'queue' });
  queued.forEach((o, i) => list.append(h('li', {}, orderLabel(ix, o), ' ', button('Undo', () => store.getState().removeOrder(i), { 'data-key': `undo-${i}`, 'aria-label': `Undo ${orderLabel(ix, o)}` }))));
  if (queued.length === 0) list.append(h('li', {}, 'No orders yet.'));
  panel.append(list, turnPreviewView(s, session.record.state, power, queued), button(session.mode.kind === 'hot-seat' ? 'Done: hand over' : 'End turn', () => store.getState().endTurn(), { 'data-key': 'end-turn', class: 'primary' }));
  return panel;
}

function nextSummitText(s: Scenario, turn: number): string {
  const next = s.victory.summits.filter((m) => m.turn >= turn).sort((a, b) => a.turn - b.turn)[0];
  if (!next) return 'No summit is left: every turn scores once.';
  return next.turn === turn ? `This turn ends with the ${next.name}: its scoring counts ×${next.weight}.` : `Next summit: the ${next.name} at the end of turn ${next.turn}, scoring ×${next.weight}.`;
}

function reportView(s: Scenario, r: TurnReport): HTMLElement {
  const section = h('section', { class: 'panel report', 'aria-labelledby': 'report-title' });
  section.append(h('h2', { id: 'report-title' }, `Turn ${r.turn} report (${r.date})`));
  if (r.republics.length > 0) section.append(h('h3', {}, 'How the republics answered'), h('ul', {}, ...r.republics.map((x) => h('li', {}, x.text))));
  for (const e of r.events) {
    section.append(h('article', { class: `event${e.basis.kind === 'assumption' ? ' assumption' : ''}` }, h('h3', {}, e.title), h('p', {}, e.text), h('p', { class: 'source' }, basisLine(s, e.basis))));
  }
  const groups = new Map<string, Change[]>();
  for (const c of r.changes) {
    const key = c.country ? countryName(s, c.country) : c.power ? powerName(s, c.power) : 'Other';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [group, changes] of groups) {
    section.append(h('h3', {}, group), h('ul', {}, ...changes.map((c) => h('li', {}, describeChange(c)))));
  }
  for (const n of r.notes) section.append(h('p', {}, n));
  return section;
}

function debriefView(store: StoreApi<GameStoreState>): HTMLElement {
  const session = store.getState().session;
  if (!session || session.record.state.phase.kind !== 'over') return h('section');
  const s = session.scenario;
  const phase = session.record.state.phase;
  const section = h('section', { class: 'panel debrief', 'aria-labelledby': 'debrief-title' });
  section.append(h('h2', { id: 'debrief-title' }, phase.winner ? `${powerName(s, phase.winner)} wins` : 'A draw'), h('p', {}, phase.reason));
  section.append(h('h3', {}, 'Influence over the game'), h('p', { class: 'summary' }, s.powers.map((p, k) => `${p.name}: ${k % 2 === 1 ? 'dashed' : 'solid'} line`).join('; ')));
  for (const c of s.countries) if (c.role === 'contested') section.append(h('figure', {}, h('figcaption', {}, c.name), influenceChart(s, session.reports, c.id)));
  section.append(h('h3', {}, 'What really happened'));
  // Each event once, at its first firing, with how often it fired.
  const fired = new Map<string, { date: string; event: TurnReport['events'][number]; times: number }>();
  for (const r of session.reports) {
    for (const e of r.events) {
      const seen = fired.get(e.id);
      if (seen) seen.times++;
      else fired.set(e.id, { date: r.date, event: e, times: 1 });
    }
  }
  const list = h('ul', {});
  for (const { date, event: e, times } of fired.values()) {
    const b = e.basis;
    const when = times > 1 ? `${date} (and ${times - 1} more time${times === 2 ? '' : 's'})` : date;
    list.append(h('li', {}, h('strong', {}, `${when}: ${e.title}. `), b.kind === 'reported' ? `${b.whatHappened} (${sourceLine(s, b.source)})` : basisLine(s, b)));
  }
  if (fired.size === 0) list.append(h('li', {}, 'No event fired in this game.'));
  section.append(list, groundingView(s));
  return section;
}
