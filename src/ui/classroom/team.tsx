// A team's screen (`/?join=<code>`), phone first: the role and its briefing, the countdown;
// a power's orders as the game gives them (the play screen's own country, order and queue
// panels, fed by the game store the bridge keeps: the queue is the team's draft, shared with
// its other devices), Submit and Withdraw; a republic's offers and stance; the last turn's
// report; in-character messages. Nothing here decides anything: the server does.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RepublicChoice, Scenario, StateLike } from '../../engine';
import { STANCE_PCT, describeChoice, indexScenario, orderLabel, own, pointsText, republicChoices, standing } from '../../engine';
import { budgetLine, ordersInTitle, teamHeading } from './seats';
import type { RoleInfo, RoomPublic, TeamPrivate } from '../../classroom/protocol';
import { CountryPanel, FactsTable, QueuePanel, ReportView, useNewReportInSight } from '../game';
import { SideBriefing } from '../briefings';
import { useGameStore } from '../storeHooks';
import { bringIntoSight } from '../focus';
import { draftOf } from './classroomStore';
import { Countdown, GameOutcome, MessageList, NewsList, Refusal, SayForm, refusedId, stageWords, useBusy, useClassroom, useClassroomApi } from './parts';

const powerName = (s: Scenario, id: string): string => s.powers.find((p) => p.id === id)?.name ?? id;

/** What a stance does, in the rules' words (src/engine/republics.ts). */
export function stanceEffect(s: Scenario, c: RepublicChoice): string {
  switch (c.kind) {
    case 'hedge':
      return `The leading patron's orders land ${STANCE_PCT}% softer, the runner-up's ${STANCE_PCT}% harder.`;
    case 'lean':
      return `${powerName(s, c.power)}'s orders land ${STANCE_PCT}% harder and it gains a little influence; the others' land softer.`;
    case 'crackdown':
      return 'Stability rises; security deals land harder, investment softer.';
    default: {
      const never: never = c;
      return String(never);
    }
  }
}

const choiceKey = (c: RepublicChoice): string => (c.kind === 'lean' ? `lean-${c.power}` : c.kind);

/** Where a team's code is typed: the address had none, or the room's own code (a phone that scanned the room's QR code). */
export function CodeEntry({ go, room }: { go(url: string): void; room?: RoomPublic | null }) {
  const [code, setCode] = useState('');
  return (
    <form
      class="code-entry"
      aria-labelledby="code-title"
      onSubmit={(e) => {
        e.preventDefault();
        const c = code.trim();
        if (c) go(`/?join=${encodeURIComponent(c)}`);
      }}
    >
      <h1 id="code-title">{room ? `Join your team — ${room.title}` : 'Join your team'}</h1>
      {room && <p>{`Room ${room.code}. Each team has a join code of its own: the facilitator gives it to you.`}</p>}
      <label for="join-code">Your team's join code</label>
      <input type="text" id="join-code" class="wide" autoComplete="off" autoCapitalize="characters" spellcheck={false} maxLength={100} value={code} onInput={(e) => setCode(e.currentTarget.value)} data-landing />
      <button type="submit" class="primary">
        Join
      </button>
    </form>
  );
}

export function TeamScreen() {
  const you = useClassroom((s) => s.you);
  const room = useClassroom((s) => s.room);
  const scenario = useClassroom((s) => s.scenario);
  const game = useClassroom((s) => s.game);
  const team = useClassroom((s) => s.team);
  const draft = useClassroom(draftOf);
  // Once a turn resolves, its report comes into sight with the focus, as after End turn in the
  // solo game: on a phone it sits below the next turn's orders, and students scrolled to find it.
  useNewReportInSight(room && you?.kind === 'team' ? `${room.code}/${you.role}` : null, game?.reports.length ?? 0, game?.view.phase.kind !== 'over');
  if (!room || !scenario || you?.kind !== 'team') return null;
  const role = room.roles.find((r) => r.role === you.role);
  if (!role) return null;
  const st = game?.view;
  const last = game?.reports[game.reports.length - 1];
  return (
    <>
      <header class="status">
        <h1>{teamHeading(role, team?.name ?? null)}</h1>
        <p>{room.phase === 'lobby' ? `${room.title}: waiting for the facilitator to start.` : room.phase === 'ended' ? `${room.title}: the game is over.` : `${room.title} · turn ${room.turn} of ${st?.lastTurn ?? scenario.turns}: ${stageWords(room)}.`}</p>
        {st && (
          <ul class="scores" aria-label="Victory points">
            {scenario.powers.map((p) => (
              <li key={p.id}>{`${p.name}: ${pointsText(own(st.powers, p.id)?.points ?? 0)}`}</li>
            ))}
          </ul>
        )}
        <Countdown room={room} draft={role.kind === 'power' ? draft.length : null} />
      </header>
      <GameOutcome landing />
      {/* This turn's injects at the top: at the bottom, under the orders and the report, a phone never showed them. */}
      <NewsList room={room} when="this-turn" />
      <SideBriefing scenario={scenario} role={role.role} open={(game?.reports.length ?? 0) === 0} />
      {room.phase === 'lobby' && (
        <section class="panel">
          <h2 tabIndex={-1} data-landing>
            Waiting for the start
          </h2>
          <p>Read your briefing while the facilitator seats the other teams. This page follows the game by itself.</p>
        </section>
      )}
      {room.phase === 'playing' && team && st && (role.kind === 'power' ? <PowerTurn room={room} role={role} team={team} /> : <RepublicTurn scenario={scenario} room={room} role={role} team={team} state={st} />)}
      {last && st && <ReportView scenario={scenario} report={last} after={st} />}
      <NewsList room={room} when="earlier" />
      <MessagesPanel room={room} me={role.role} />
    </>
  );
}

function PowerTurn({ room, role, team }: { room: RoomPublic; role: RoleInfo; team: TeamPrivate }) {
  const session = useGameStore((s) => s.session);
  const store = useClassroomApi();
  const draft = useClassroom(draftOf);
  const refusals = useClassroom((s) => s.refusals);
  const sending = useBusy('submit');
  if (!session) return null;
  const ix = indexScenario(session.scenario);
  if (room.stage === 'stances') {
    // A team that gave nothing in time is told so by the title; its empty list would only repeat it.
    const given = team.submitted ?? (team.missed && team.missed.orders.length > 0 ? team.missed.orders : null);
    return (
      <Waiting title={ordersInTitle(team.submitted !== null, team.missed)}>
        {given && <SubmittedOrders labels={given.map((o) => orderLabel(ix, o))} />}
        <p>The republics are choosing their stances; the turn resolves when they have.</p>
      </Waiting>
    );
  }
  if (role.submitted && team.submitted)
    return (
      <Waiting title="Your orders are in">
        <SubmittedOrders labels={team.submitted.map((o) => orderLabel(ix, o))} />
        <p>Waiting for the others. Withdraw them to change them before the time is up.</p>
        <Withdraw what="them" />
      </Waiting>
    );
  return (
    <>
      <CountryPanel session={session} />
      <QueuePanel session={session} />
      <Refusal at="draft" />
      <div class="turn-bar">
        <Countdown room={room} draft={draft.length} />
        <p data-testid="team-budget">{`${budgetLine(session.record.state, role.role, draft, ix)} · ${draft.length} of ${session.scenario.rules.maxOrdersPerTurn} orders. Your team's devices share this list; submitting sends it for the whole team.`}</p>
        <button
          type="button"
          class="primary"
          data-key="submit"
          data-main
          aria-disabled={sending ? 'true' : undefined}
          aria-describedby={refusedId(refusals, 'submit')}
          onClick={() => !sending && store.getState().act('submit', { t: 'submit', orders: [...draft] })}
        >
          {draft.length === 0 ? 'Submit: no orders this turn' : `Submit ${draft.length} order${draft.length === 1 ? '' : 's'}`}
        </button>
        <Refusal at="submit" />
      </div>
    </>
  );
}

/** What the team sees while it waits for the others: its heading is where the focus lands. */
function Waiting({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="panel waiting" aria-labelledby="wait-title">
      <h2 id="wait-title" tabIndex={-1} data-landing>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Takes back what the team submitted, while the stage is open, to change it. */
function Withdraw({ what }: { what: 'it' | 'them' }) {
  const store = useClassroomApi();
  const refusals = useClassroom((s) => s.refusals);
  return (
    <>
      <button type="button" data-key="withdraw" aria-describedby={refusedId(refusals, 'withdraw')} onClick={() => store.getState().act('withdraw', { t: 'withdraw' })}>
        {`Withdraw to change ${what}`}
      </button>
      <Refusal at="withdraw" />
    </>
  );
}

function SubmittedOrders({ labels }: { labels: string[] }) {
  return labels.length === 0 ? (
    <p>No orders this turn (the budget carries over).</p>
  ) : (
    <ol class="queue">
      {labels.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ol>
  );
}

/** What the republic weighs (src/ai/republic.ts, republicInterest), in words from the board. */
function Interests({ scenario: s, state, country }: { scenario: Scenario; state: StateLike; country: string }) {
  const def = indexScenario(s).contested.get(country);
  const c = own(state.countries, country);
  if (!def || !c) return null;
  const lead = standing(
    s.powers.map((p) => p.id),
    c,
  );
  const sov = def.sovereignty;
  return (
    <section class="panel interests" aria-labelledby="interests-title">
      <h2 id="interests-title">{`${def.name}'s interests`}</h2>
      <ul>
        <li>{`Stability: ${c.stability} now; its normal is ${def.stability}. Below it the country suffers; above it, order buys little more.`}</li>
        <li>{`Sovereignty ${sov} of 100: ${sov >= 60 ? 'it wants its patrons evenly matched and resents one that dominates' : sov <= 40 ? 'it minds a dominant patron little; the money and protection patrons bring count for more' : 'it weighs an even balance against what its patrons bring'}.`}</li>
        <li>{lead.leader ? `${powerName(s, lead.leader)} leads here by ${lead.lead}.` : 'No patron leads here.'}</li>
      </ul>
      <FactsTable scenario={s} country={c} caption={`${def.name}'s patrons`} />
    </section>
  );
}

function RepublicTurn({ scenario: s, room, role, team, state }: { scenario: Scenario; room: RoomPublic; role: RoleInfo; team: TeamPrivate; state: StateLike }) {
  const store = useClassroomApi();
  const refusals = useClassroom((x) => x.refusals);
  const sending = useBusy('stance');
  const ix = indexScenario(s);
  const choices = republicChoices(s);
  const [picked, setPicked] = useState<string>(team.stance ? choiceKey(team.stance) : 'hedge');
  const choice = choices.find((c) => choiceKey(c) === picked) ?? choices[0];
  // When the offers come (or come back, after a withdrawal) they are brought into sight with the
  // focus: in the role-play the phone still showed the last report, below, and its team never
  // saw that its stance, and its timer, had started.
  const choosing = room.stage === 'stances' && !(role.submitted && team.stance) ? room.turn : null;
  useEffect(() => {
    if (choosing === null) return;
    const frame = requestAnimationFrame(() => {
      const heading = document.getElementById('offers-title');
      if (heading) bringIntoSight(heading);
    });
    return () => cancelAnimationFrame(frame);
  }, [choosing]);
  if (room.stage === 'orders')
    return (
      <>
        <Waiting title="The powers are giving their orders">
          <p>{`When they have, you see what each of them offers ${role.name} and choose your stance.`}</p>
        </Waiting>
        <Interests scenario={s} state={state} country={role.role} />
      </>
    );
  if (role.submitted && team.stance)
    return (
      <Waiting title="Your stance is in">
        <p>{`${describeChoice(ix, role.role, team.stance)}. Waiting for the other republics.`}</p>
        <Withdraw what="it" />
      </Waiting>
    );
  const offers = team.offers;
  return (
    <>
      <section class="panel stance" aria-labelledby="offers-title">
        <h2 id="offers-title" tabIndex={-1} data-landing>
          {`What the patrons offer ${role.name}`}
        </h2>
        <ul class="offers">
          {s.powers.map((p) => {
            const v = offers ? own(offers, p.id) : undefined;
            return <li key={p.id}>{v === undefined || v === 0 ? `${p.name} offers nothing this turn.` : `${p.name} offers ${v} (what its orders here are worth).`}</li>;
          })}
        </ul>
        <fieldset class="choices">
          <legend>Your stance this turn</legend>
          {choices.map((c) => {
            const k = choiceKey(c);
            return (
              <label key={k} class="choice">
                <input type="radio" name="stance" value={k} checked={picked === k} onChange={() => setPicked(k)} />
                <span>
                  <strong>{describeChoice(ix, role.role, c)}</strong>
                  <br />
                  <span class="summary">{stanceEffect(s, c)}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
      </section>
      <div class="turn-bar">
        <Countdown room={room} />
        <button type="button" class="primary" data-key="stance" data-main aria-disabled={sending ? 'true' : undefined} aria-describedby={refusedId(refusals, 'stance')} onClick={() => choice && !sending && store.getState().act('stance', { t: 'stance', choice })}>
          Submit the stance
        </button>
        <Refusal at="stance" />
      </div>
      <Interests scenario={s} state={state} country={role.role} />
    </>
  );
}

function MessagesPanel({ room, me }: { room: RoomPublic; me: string }) {
  const messages = useClassroom((s) => s.messages);
  // A computer reads no messages: only teams are offered.
  const others = room.roles.filter((r) => r.role !== me && r.seat.kind === 'team');
  return (
    <section class="panel messages-panel" aria-labelledby="messages-title">
      <h2 id="messages-title">Messages</h2>
      <p class="summary">In character: the facilitator reads every message.</p>
      <MessageList messages={messages} room={room} me={me} />
      <SayForm id="say" teams={others} everyone="Everyone" sendLabel="Send" names="role-names" />
    </section>
  );
}
