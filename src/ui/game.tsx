// The play screen's panels: the status bar, the replay viewer, the hot-seat hand-over, the
// country and order panel, the order queue with End turn, the turn report, the debrief, the
// map view's buttons and the game's tools. Each reads the store through useGameStore and
// renders again when what it reads changes; lists are keyed (countries and orders by id),
// so the element that has the focus stays the same element. Scenario texts are JSX text,
// never HTML. Panels hold no game state.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Change, CountryState, GameState, LegalOrder, Order, Scenario, StateLike, TurnReport } from '../engine';
import { controlMargin, countryWorths, currentDate, describeWorth, describeChange, describeFactor, indexScenario, isImaginedTurn, legalOrders, listWords, orderCost, orderKey, orderLabel, organisationName, own, pointsText, previewOrder, standing, validateOrders } from '../engine';
import type { GameSession } from '../store/gameStore';
import { handedOver, humans } from '../store/gameStore';
import { ErrorHere, useBlame, useErrorAt } from './actionErrors';
import { InfluenceChart } from './charts';
import type { EventsMemory } from './eventsPanel';
import { EventsAhead } from './eventsPanel';
import { downloadText, openChosenFile } from './files';
import { Grounding, basisLine, sourceLine } from './sources';
import { useGameStore, useStoreApi } from './storeHooks';
import { TurnPreviewView } from './turnPreview';
import { HowToPlay } from './howToPlay';
import { PrintBriefings, SideBriefing } from './briefings';
import { ReportSummary } from './reportSummary';
import { WhyItEnded } from './whyItEnded';
import { CountrySheet, SHEET_QUERY, useMediaQuery } from './countrySheet';
import { ProjectorToggle } from './viewPrefs';
import { GuideBox, ShowGuideAgain } from './guide';
import { bringIntoSight } from './focus';

export const powerName = (s: Scenario, id: string | null | undefined): string => s.powers.find((p) => p.id === id)?.name ?? String(id);
const countryName = (s: Scenario, id: string): string => s.countries.find((c) => c.id === id)?.name ?? id;

export function GameView({ events, backToEditor }: { events: EventsMemory; backToEditor: (() => void) | null }) {
  const session = useGameStore((s) => s.session);
  const replay = useGameStore((s) => s.replay);
  useSessionReportInSight(session);
  if (!session) return null;
  const s = session.scenario;
  const st = session.record.state;
  const over = st.phase.kind === 'over';
  const back = backToEditor && (
    <p>
      <button type="button" data-key="back-to-editor" onClick={backToEditor}>
        Back to the editor
      </button>
    </p>
  );
  const last = session.reports[session.reports.length - 1];
  if (replay) {
    const report = replay.index > 0 ? session.reports[replay.index - 1] : undefined;
    return (
      <>
        <StatusBar session={session} />
        {back}
        <ReplayPanel scenario={s} states={replay.states} index={replay.index} />
        {report && <ReportView scenario={s} report={report} after={replay.states[replay.index] ?? st} />}
      </>
    );
  }
  if (session.handover && !over) {
    return (
      <>
        <StatusBar session={session} />
        {back}
        <HandoverPanel session={session} />
        {/* The last turn's report is public: both players read it before the next turn. */}
        {last && <ReportView scenario={s} report={last} after={st} />}
      </>
    );
  }
  // Nobody seated at this device: the computers play every power and the page watches.
  const watching = humans(s, session.mode).length === 0;
  return (
    <>
      <StatusBar session={session} />
      {back}
      <HowToPlay scenario={s} />
      {!watching && <SideBriefing scenario={s} role={session.activePower} open={session.reports.length === 0} />}
      {over ? <Debrief session={session} /> : watching ? <WatchPanel /> : <CountryPanel session={session} />}
      {!over && !watching && <QueuePanel session={session} />}
      {!over && !watching && session.activePower !== null && <TurnBar session={session} power={session.activePower} />}
      {last && <ReportView scenario={s} report={last} after={st} />}
      {/* What may happen next, as the player whose turn it is may see it (watching: what anyone may see). */}
      {!over && <EventsAhead scenario={s} state={st} viewer={session.activePower} memory={events} />}
      <GameTools session={session} />
    </>
  );
}

/**
 * Once a turn is played, its report is what to read next: its heading is brought into sight
 * and takes the focus (a screen reader reads it), after End turn, the hot seat's last
 * hand-over or the computer's turn, on any layout. Not when a game is opened or resumed (its
 * landing stays), not when it ends (the debrief's heading is the landing then), and not while
 * watching the computers (the focus stays on Next turn, so Enter steps on).
 */
function useSessionReportInSight(session: GameSession | null): void {
  useNewReportInSight(session?.gameId ?? null, session?.reports.length ?? 0, session !== null && session.record.state.phase.kind !== 'over' && humans(session.scenario, session.mode).length > 0);
}

/**
 * Brings the newest turn report (`#report-title`) into sight and focuses it when `game`'s
 * number of `reports` grows while `wanted`; never on the first render of a game (an opened,
 * resumed or reconnected game keeps its landing). The solo game and a classroom team's
 * screen (src/ui/classroom/team.tsx) both use it.
 */
export function useNewReportInSight(game: string | null, reports: number, wanted: boolean): void {
  const seen = useRef<{ game: string; reports: number } | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = game === null ? null : { game, reports };
    if (!wanted || before === null || before.game !== game || reports <= before.reports) return;
    // After this update has settled (a phone's country sheet closes as the turn is played, moving the report up).
    const frame = requestAnimationFrame(() => {
      const heading = document.getElementById('report-title');
      // End turn's (or Submit's) bar sits just above the report: it stays in sight above it, in reach for the next turn.
      const bar = heading?.closest('section')?.previousElementSibling;
      if (heading) bringIntoSight(heading, bar instanceof HTMLElement && bar.matches('.turn-bar') ? bar : null);
    });
    return () => cancelAnimationFrame(frame);
  }, [game, reports]);
}

function StatusBar({ session }: { session: GameSession }) {
  const thinking = useGameStore((x) => x.thinking);
  const s = session.scenario;
  const st = session.record.state;
  const over = st.phase.kind === 'over';
  return (
    <header class="status">
      <h1>{s.title}</h1>
      <p>{`${over ? 'Game over' : `Turn ${st.turn} of ${st.lastTurn}`} — ${currentDate(s, st)}${!over && isImaginedTurn(s, st.turn) ? ' — what if: an imagined turn, past the reporting' : ''}`}</p>
      <ul class="scores" aria-label="Victory points">
        {s.powers.map((p) => (
          <li key={p.id}>
            <span class="swatch" style={`background:${p.color}`} />
            {`${p.name}: ${pointsText(own(st.powers, p.id)?.points ?? 0)}`}
          </li>
        ))}
      </ul>
      {thinking && (
        <p role="status" class="thinking" data-testid="thinking">
          The computer is choosing its orders…
        </p>
      )}
    </header>
  );
}

/** Always in sight (sticky at the panel's foot), and next in the keyboard's order after the queue: what is left to spend this turn, and End turn. */
function TurnBar({ session, power }: { session: GameSession; power: string }) {
  const store = useStoreApi();
  const blame = useBlame();
  const error = useErrorAt('end-turn') !== null;
  const thinking = useGameStore((x) => x.thinking);
  const s = session.scenario;
  const ix = indexScenario(s);
  const queued: readonly Order[] = session.pending.get(power) ?? [];
  const budget = own(session.record.state.powers, power)?.budget ?? 0;
  const left = budget - queued.reduce((sum, o) => sum + orderCost(ix, o), 0);
  // Hot seat: another person still to give orders this turn gets the device next.
  const next = humans(s, session.mode).find((p) => p !== power && !session.pending.has(p));
  const label = next !== undefined && !thinking ? `Done: hand over to ${powerName(s, next)}` : 'End turn';
  // Ending a turn with no orders asks once: the first press arms End turn (the focus stays on
  // it), a second press ends the turn, "Keep giving orders" (or any change to the queue, or
  // another seat or turn) disarms it.
  const armKey = `${session.gameId}:${session.record.turns.length}:${power}:${queued.length}`;
  const [armedFor, setArmedFor] = useState<string | null>(null);
  const armed = queued.length === 0 && !thinking && armedFor === armKey;
  return (
    <div class="turn-bar">
      <GuideBox session={session} power={power} />
      <p>{`${powerName(s, power)}: ${left} of ${budget} budget left · ${queued.length} of ${s.rules.maxOrdersPerTurn} orders`}</p>
      <button
        type="button"
        data-key="end-turn"
        data-main
        class="primary"
        aria-disabled={thinking ? 'true' : undefined}
        aria-describedby={[queued.length === 0 && !thinking ? 'end-turn-why' : null, error ? 'end-turn-error' : null].filter((x) => x !== null).join(' ') || undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && armed) setArmedFor(null);
        }}
        onClick={() => {
          if (queued.length === 0 && !thinking && !armed) return setArmedFor(armKey);
          setArmedFor(null);
          store.getState().endTurn();
          blame('end-turn');
        }}
      >
        {armed ? `Confirm: ${next !== undefined ? `hand over to ${powerName(s, next)}` : 'end turn'} without orders` : `${label}${queued.length === 0 ? ' without orders' : ''}`}
      </button>
      {armed && (
        <button type="button" data-key="end-turn-cancel" onClick={() => setArmedFor(null)}>
          Keep giving orders
        </button>
      )}
      {queued.length === 0 && !thinking && (
        <p class="reason" id="end-turn-why" aria-live="polite">
          {armed ? `No orders queued: press again to ${next !== undefined ? 'hand over' : 'end the turn'} with none (your ${left} budget carries over), or keep giving orders.` : 'No orders queued: the turn passes and your budget carries over.'}
        </p>
      )}
      <ErrorHere at="end-turn" id="end-turn-error" />
    </div>
  );
}

function ReplayPanel({ scenario: s, states, index }: { scenario: Scenario; states: GameState[]; index: number }) {
  const store = useStoreApi();
  const last = states.length - 1;
  const shown = states[index];
  return (
    <section class="panel replay" aria-labelledby="replay-title">
      <h2 id="replay-title" tabIndex={-1} data-landing>{index === 0 ? `Replay: the start (${s.start})` : `Replay: after turn ${index} of ${last}`}</h2>
      <p>{s.powers.map((p) => `${p.name} ${pointsText(own(shown?.powers, p.id)?.points ?? 0)}`).join(', ')}</p>
      <button type="button" data-key="replay-prev" disabled={index === 0} onClick={() => store.getState().replayStep(-1)}>
        Previous turn
      </button>
      <button type="button" data-key="replay-next" disabled={index === last} onClick={() => store.getState().replayStep(1)}>
        Next turn
      </button>
      <button type="button" data-key="replay-exit" onClick={() => store.getState().stopReplay()}>
        Leave the replay
      </button>
      {shown && shown.phase.kind !== 'over' && (
        <button type="button" data-key="replay-play-on" onClick={() => store.getState().playOnFromReplay()}>
          {`Play on from turn ${shown.turn}`}
        </button>
      )}
    </section>
  );
}

/** Hot seat: a blank hand-over screen, so the next player sees nothing of the last one's orders. */
function HandoverPanel({ session }: { session: GameSession }) {
  const store = useStoreApi();
  const s = session.scenario;
  const power = session.activePower;
  const names = (ids: string[]): string => listWords(ids.map((id) => powerName(s, id)));
  const done = handedOver(session);
  const people = humans(s, session.mode);
  const rest = people.filter((p) => p !== power && !done.includes(p));
  const computers = s.powers.filter((p) => !people.includes(p.id)).map((p) => p.id);
  return (
    <section class="panel handover" aria-labelledby="handover-title">
      <h2 id="handover-title">{`Pass the device to ${powerName(s, power)}`}</h2>
      <p>
        {done.length === 0
          ? `Each seat at this device gives its orders in turn: ${people.map((p) => powerName(s, p)).join(', then ')}.`
          : `${names(done)} ${done.length === 1 ? 'has' : 'have'} given ${done.length === 1 ? 'its' : 'their'} orders, sealed.${rest.length > 0 ? ` After ${powerName(s, power)}: ${names(rest)}.` : ''}`}
        {` Nobody sees another seat's orders until ${people.length === 2 ? 'both have' : 'all have'} given theirs${computers.length > 0 ? ` (the computer plays ${names(computers)})` : ''}; then the turn is played and its report shows them all.`}
      </p>
      <button type="button" data-key="handover" class="primary" data-landing onClick={() => store.getState().confirmHandover()}>
        {`I am ${powerName(s, power)}: show my turn`}
      </button>
    </section>
  );
}

function WatchPanel() {
  const store = useStoreApi();
  const blame = useBlame();
  const error = useErrorAt('end-turn') !== null;
  const next = (): void => {
    store.getState().endTurn();
    blame('end-turn');
  };
  return (
    <section class="panel">
      <h2>Watching</h2>
      <button type="button" data-key="end-turn" data-landing aria-describedby={error ? 'end-turn-error' : undefined} onClick={next}>
        Next turn
      </button>
      <ErrorHere at="end-turn" id="end-turn-error" />
    </section>
  );
}

/** The zoom buttons, floating over the map's corner in a game: in reach on a phone, where the panel scrolls beneath the map. */
export function MapControls() {
  const store = useStoreApi();
  const zoom = useGameStore((s) => s.zoom);
  const playing = useGameStore((s) => s.session !== null && !s.editorOpen);
  if (!playing) return null;
  return (
    <div class="map-controls" role="group" aria-label="Map view" title="Or use the mouse wheel and drag the map. Colours show who leads; the labels say it in words.">
      <button type="button" data-key="zoom-in" aria-label="Zoom in" disabled={zoom >= 4} onClick={() => store.getState().setZoom(zoom * 1.25)}>
        +
      </button>
      <button type="button" data-key="zoom-out" aria-label="Zoom out" disabled={zoom <= 1} onClick={() => store.getState().setZoom(zoom / 1.25)}>
        −
      </button>
      <button type="button" data-key="zoom-reset" onClick={() => store.getState().setZoom(1)}>
        Whole region
      </button>
      <span class="zoom-level" aria-label={`zoom ${zoom.toFixed(1)} times`}>{`${zoom.toFixed(1)}×`}</span>
    </div>
  );
}

function GameTools({ session }: { session: GameSession }) {
  const store = useStoreApi();
  const blame = useBlame();
  const error = useErrorAt('import') !== null;
  const imported = (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void openChosenFile(store, file, 'save').then(() => blame('import'));
    // The same file can be chosen again.
    input.value = '';
  };
  return (
    <section class="panel tools">
      <h2>Game</h2>
      <button type="button" data-key="replay" disabled={session.record.turns.length === 0} onClick={() => store.getState().startReplay()}>
        Replay the game so far
      </button>
      <button type="button" data-key="export" onClick={() => downloadText(store.getState().exportSave(), 'new-great-game-save.json')}>
        Export save
      </button>
      <p>
        <label for="import-save">Import save </label>
        <input type="file" id="import-save" accept="application/json,.json" data-key="import" aria-describedby={error ? 'import-error' : undefined} onChange={imported} />
      </p>
      <ErrorHere at="import" id="import-error" />
      <PrintBriefings scenario={session.scenario} />
      {session.record.state.phase.kind !== 'over' && humans(session.scenario, session.mode).length > 0 && <ShowGuideAgain />}
      <ProjectorToggle />
      <button type="button" data-key="new-game" onClick={() => store.getState().leaveGame()}>
        New game
      </button>
    </section>
  );
}

export function CountryPanel({ session }: { session: GameSession }) {
  const store = useStoreApi();
  const selectedCountry = useGameStore((s) => s.selectedCountry);
  // On a phone the chosen country's panel is a sheet over the map, not a long scroll beneath it.
  const sheet = useMediaQuery(SHEET_QUERY);
  const s = session.scenario;
  const st = session.record.state;
  const power = session.activePower;
  const contested = s.countries.filter((c) => c.role === 'contested');
  const id = selectedCountry;
  const cs = id ? own(st.countries, id) : undefined;
  const buttons = (
    <div class="country-buttons" role="group" aria-label="Select a country">
      {contested.map((c, i) => (
        <button type="button" key={c.id} data-key={`country-${c.id}`} data-landing={i === 0 || undefined} aria-pressed={selectedCountry === c.id ? 'true' : 'false'} onClick={() => store.getState().selectCountry(c.id)}>
          {c.name}
        </button>
      ))}
    </div>
  );
  if (!id || !cs || !power) {
    return (
      <section class="panel" aria-labelledby="country-title">
        <h2 id="country-title">Countries</h2>
        {buttons}
        <p>Select a country on the map or with the buttons above to see its situation and your orders there.</p>
      </section>
    );
  }
  const lead = standing(
    s.powers.map((p) => p.id),
    cs,
  );
  const ix = indexScenario(s);
  const options = legalOrders(s, st, power).filter((o) => (o.order.type === 'project' ? (ix.routeCountries.get(o.order.project) ?? []).includes(id) : o.order.country === id));
  const mine = session.pending.get(power) ?? [];
  const queued = new Set(mine.map(orderKey));
  const worth = countryWorths(s).find((w) => w.country === id);
  const uncommitted = Math.max(0, 100 - s.powers.reduce((sum, p) => sum + (own(cs.influence, p.id) ?? 0), 0));
  const details = (
    <>
      {worth && <p class="worth">{`${worth.name} is ${describeWorth(worth)}.`}</p>}
      <FactsTable scenario={s} country={cs} caption={`${countryName(s, id)} at a glance`} />
      <p>{`Stability ${cs.stability}. Influence is a share of ${countryName(s, id)}'s attention: ${uncommitted} of 100 is still uncommitted; once none is, every gain comes out of the rivals.`}</p>
      <h3>{`${powerName(s, power)}'s orders for ${countryName(s, id)}`}</h3>
      <ul class="orders">
        {options.map((o) => (
          <OrderItem key={orderKey(o.order)} scenario={s} state={st} power={power} option={o} queued={queued.has(orderKey(o.order))} mine={mine} />
        ))}
        {options.length === 0 && <li>No order you can afford here this turn.</li>}
      </ul>
    </>
  );
  if (sheet) {
    return (
      <section class="panel" aria-labelledby="country-title">
        <h2 id="country-title">Countries</h2>
        {buttons}
        <CountrySheet country={id} turn={st.turn} title={countryName(s, id)} lead={controlText(s, id, lead)} onClose={() => store.getState().selectCountry(null)}>
          {details}
        </CountrySheet>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="country-title">
      <h2 id="country-title">Countries</h2>
      {buttons}
      <h3>{countryName(s, id)}</h3>
      <p>{controlText(s, id, lead)}</p>
      {details}
    </section>
  );
}

/** A country's ties to each power: influence, economic and security dependence. */
export function FactsTable({ scenario: s, country: cs, caption }: { scenario: Scenario; country: CountryState; caption: string }) {
  return (
    <table class="facts">
      <caption>{caption}</caption>
      <tr>
        <th scope="col">Power</th>
        <th scope="col">Influence</th>
        <th scope="col">Economic ties</th>
        <th scope="col">Security ties</th>
      </tr>
      {s.powers.map((p) => (
        <tr key={p.id}>
          <th scope="row">{p.name}</th>
          <td>{String(own(cs.influence, p.id) ?? 0)}</td>
          <td>{String(own(cs.dependence.economic, p.id) ?? 0)}</td>
          <td>{String(own(cs.dependence.security, p.id) ?? 0)}</td>
        </tr>
      ))}
    </table>
  );
}

/** "Moscow controls Tajikistan (lead 12, needs 9)" or what leading short of control scores. */
function controlText(s: Scenario, id: string, lead: ReturnType<typeof standing>): string {
  const needs = controlMargin(s, id);
  if (!lead.leader) return `No power leads. Control needs a lead of ${needs} (this country's sovereignty sets it).`;
  if (lead.lead >= needs) return `${powerName(s, lead.leader)} controls ${countryName(s, id)} (lead ${lead.lead}, needs ${needs}) and scores its importance each turn, more at a summit.`;
  return `${powerName(s, lead.leader)} leads by ${lead.lead}, short of control (needs ${needs}): it scores ${s.victory.leadPoints} a turn here, more at a summit.`;
}

interface OrderItemProps {
  scenario: Scenario;
  state: GameState;
  power: string;
  option: LegalOrder;
  queued: boolean;
  mine: readonly Order[];
}

/**
 * Why `order` cannot be queued after `mine`, in the engine's words (validateOrders, the
 * check the store makes when it is queued), or null when it can.
 */
function blockedReason(s: Scenario, st: GameState, power: string, mine: readonly Order[], order: Order): string | null {
  const max = s.rules.maxOrdersPerTurn;
  if (mine.length >= max) return `${mine.length} of ${max} orders used this turn.`;
  const v = validateOrders(s, st, power, [...mine, order]);
  if (v.ok) return null;
  const why = v.error.find((r) => r.index === mine.length) ?? v.error[0];
  return `Cannot be queued: ${why?.reason ?? 'the rules refuse it'}.`;
}

function OrderItem({ scenario: s, state: st, power, option: o, queued, mine }: OrderItemProps) {
  const store = useStoreApi();
  const blame = useBlame();
  // The sealed bid typed so far survives the redraws (a message, another order queued).
  const [bid, setBid] = useState('0');
  const p = previewOrder(s, st, power, o.order, mine);
  const details: string[] = [];
  if (p.ok) {
    for (const c of p.value.now) if (!c.path.endsWith('.budget') || c.power !== power) details.push(shortChange(c));
    if (p.value.onCompletion) details.push(`when finished in ${p.value.onCompletion.turns} turns: ${p.value.onCompletion.changes.map(shortChange).join('; ')}`);
    if (p.value.influencePct !== undefined && p.value.factors.length > 0)
      details.push(
        `lands at ${p.value.influencePct}%: ${
          p.value.factors
            .filter((f) => f.pct !== 0)
            .map((f) => `${f.pct > 0 ? '+' : ''}${f.pct}% ${describeFactor(f)}`)
            .join(', ') || 'no modifiers'
        }`,
      );
    if (p.value.risk) details.push(`risk ${p.value.risk.chancePct}%: ${p.value.risk.description}`);
  }
  const label = `${o.label} (cost ${o.cost})`;
  const ix = indexScenario(s);
  const basis = o.order.type === 'project' ? ix.project.get(o.order.project)?.basis : ix.action.get(o.order.action)?.basis;
  // A tender: a sealed extra offer wins the contract if the rival orders it too; it is paid even when nobody does.
  const tender = o.order.type === 'project' && !queued ? o.order.project : null;
  const spare = Math.max(0, (own(st.powers, power)?.budget ?? 0) - o.cost);
  const bidId = `bid-${tender ?? ''}`;
  const extra = Math.max(0, Math.trunc(Number(bid) || 0));
  // The order as it would be queued, with the sealed bid typed so far.
  const order: Order = tender !== null && extra > 0 ? { type: 'project', project: tender, bid: extra } : o.order;
  // Checked as the store will check it, so a button that cannot work says why beside it.
  const thinking = useGameStore((x) => x.thinking);
  const reason = thinking ? 'The computer is choosing its orders: the turn is being played.' : queued ? 'Queued this turn: Undo takes it back.' : blockedReason(s, st, power, mine, order);
  const key = `queue-${orderKey(o.order)}`;
  const error = useErrorAt(key) !== null;
  const described = [reason !== null ? `${key}-why` : null, error ? `${key}-error` : null].filter((x) => x !== null).join(' ');
  const queue = (): void => {
    if (reason !== null) return;
    store.getState().queueOrder(order);
    blame(key);
  };
  const unqueue = (): void => {
    const at = mine.findIndex((m) => orderKey(m) === orderKey(o.order));
    if (at >= 0) store.getState().removeOrder(at);
  };
  return (
    <li>
      <strong>{label}</strong>
      <p class="preview">{details.join(' · ')}</p>
      {basis && <p class={`source${basis.kind === 'assumption' ? ' assumption' : ''}`}>{basisLine(s, basis)}</p>}
      {tender !== null && (
        <p class="bid">
          <label for={bidId}>Sealed bid on top of the cost (wins the tender if the rival orders it too; paid either way) </label>
          <input type="number" id={bidId} min="0" max={String(spare)} step="1" value={bid} data-key={bidId} onInput={(e) => setBid(e.currentTarget.value)} />
        </p>
      )}
      <button type="button" data-key={key} aria-disabled={reason !== null ? 'true' : undefined} aria-describedby={described || undefined} aria-label={queued ? `Queued: ${label}` : `Queue order: ${label}`} onClick={queue}>
        {queued ? 'Queued' : 'Queue order'}
      </button>
      {/* Beside the order, not only in the list of orders: on a phone the country's sheet covers that list. */}
      {queued && !thinking && (
        <>
          {' '}
          <button type="button" data-key={`un${key}`} data-after={key} aria-label={`Undo ${orderLabel(ix, o.order)}`} onClick={unqueue}>
            Undo
          </button>
        </>
      )}
      {reason !== null && (
        <p class="reason" id={`${key}-why`}>
          {reason}
        </p>
      )}
      <ErrorHere at={key} id={`${key}-error`} />
    </li>
  );
}

const shortChange = (c: Change): string => `${c.what} ${String(c.from)} → ${String(c.to)}`;

export function QueuePanel({ session }: { session: GameSession }) {
  const store = useStoreApi();
  const power = session.activePower;
  if (!power) return null;
  const s = session.scenario;
  const ix = indexScenario(s);
  const queued: readonly Order[] = session.pending.get(power) ?? [];
  const budget = own(session.record.state.powers, power)?.budget ?? 0;
  const cost = queued.reduce((sum, o) => sum + orderCost(ix, o), 0);
  return (
    <section class="panel" aria-labelledby="queue-title">
      <h2 id="queue-title">{`${powerName(s, power)}: orders this turn`}</h2>
      <p>{`Budget ${budget}, committed ${cost}, left ${budget - cost}. At most ${s.rules.maxOrdersPerTurn} orders. What you leave unspent carries over whole to the next turn (a saved-up budget wins tenders).`}</p>
      <p>{nextSummitText(s, session.record.state.turn)}</p>
      <ol class="queue">
        {queued.map((o, i) => (
          <li key={orderKey(o)}>
            {orderLabel(ix, o)}{' '}
            <button type="button" data-key={`undo-${i}`} aria-label={`Undo ${orderLabel(ix, o)}`} onClick={() => store.getState().removeOrder(i)}>
              Undo
            </button>
          </li>
        ))}
        {queued.length === 0 && <li class="empty">No orders yet.</li>}
      </ol>
      <TurnPreviewView scenario={s} state={session.record.state} power={power} queued={queued} />
    </section>
  );
}

function nextSummitText(s: Scenario, turn: number): string {
  const next = s.victory.summits.filter((m) => m.turn >= turn).sort((a, b) => a.turn - b.turn)[0];
  if (!next) return 'No summit is left: every turn scores once.';
  const where = next.organisation === undefined ? '' : ` in the ${organisationName(s, next)}'s members`;
  return next.turn === turn ? `This turn ends with the ${next.name}: its scoring counts ×${next.weight}${where}.` : `Next summit: the ${next.name} at the end of turn ${next.turn}, scoring ×${next.weight}${where}.`;
}

export function ReportView({ scenario: s, report: r, after }: { scenario: Scenario; report: TurnReport; after: StateLike }) {
  const groups = new Map<string, Change[]>();
  for (const c of r.changes) {
    const key = c.country ? countryName(s, c.country) : c.power ? powerName(s, c.power) : 'Other';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return (
    <section class="panel report" aria-labelledby="report-title">
      <h2 id="report-title" tabIndex={-1}>{`Turn ${r.turn} report (${r.date})`}</h2>
      <ReportSummary scenario={s} report={r} after={after} />
      {r.republics.length > 0 && (
        <>
          <h3>How the republics answered</h3>
          <ul>
            {r.republics.map((x, i) => (
              <li key={i}>{x.text}</li>
            ))}
          </ul>
        </>
      )}
      {r.events.map((e, i) => (
        <article key={`${e.id}-${i}`} class={`event${e.basis.kind === 'assumption' ? ' assumption' : ''}`}>
          <h3>{e.title}</h3>
          <p>{e.text}</p>
          <p class="source">{basisLine(s, e.basis)}</p>
        </article>
      ))}
      <details class="causes">
        <summary>Every change and its cause</summary>
      {[...groups].map(([group, changes]) => (
        <Fragment key={group}>
          <h3>{group}</h3>
          <ul>
            {changes.map((c, i) => (
              <li key={`${c.path}-${i}`}>{describeChange(c)}</li>
            ))}
          </ul>
        </Fragment>
      ))}
      </details>
      {r.notes.map((n, i) => (
        <p key={i}>{n}</p>
      ))}
    </section>
  );
}

function Debrief({ session }: { session: GameSession }) {
  const s = session.scenario;
  const phase = session.record.state.phase;
  if (phase.kind !== 'over') return null;
  // Each event once, at its first firing, with how often it fired.
  const fired = new Map<string, { date: string; event: TurnReport['events'][number]; times: number }>();
  for (const r of session.reports) {
    for (const e of r.events) {
      const seen = fired.get(e.id);
      if (seen) seen.times++;
      else fired.set(e.id, { date: r.date, event: e, times: 1 });
    }
  }
  return (
    <section class="panel debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title" tabIndex={-1} data-landing>{phase.winner ? `${powerName(s, phase.winner)} wins` : 'A draw'}</h2>
      <p>{phase.reason}</p>
      <WhyItEnded scenario={s} record={session.record} />
      <h3>Influence over the game</h3>
      <p class="summary">{s.powers.map((p, k) => `${p.name}: ${k % 2 === 1 ? 'dashed' : 'solid'} line`).join('; ')}</p>
      {s.countries.map(
        (c) =>
          c.role === 'contested' && (
            <figure key={c.id}>
              <figcaption>{c.name}</figcaption>
              <InfluenceChart scenario={s} reports={session.reports} country={c.id} />
            </figure>
          ),
      )}
      <h3>What really happened</h3>
      <ul>
        {[...fired].map(([id, { date, event: e, times }]) => {
          const b = e.basis;
          const when = times > 1 ? `${date} (and ${times - 1} more time${times === 2 ? '' : 's'})` : date;
          return (
            <li key={id}>
              <strong>{`${when}: ${e.title}. `}</strong>
              {b.kind === 'reported' ? `${b.whatHappened} (${sourceLine(s, b.source)})` : basisLine(s, b)}
            </li>
          );
        })}
        {fired.size === 0 && <li>No event fired in this game.</li>}
      </ul>
      <Grounding scenario={s} />
    </section>
  );
}
