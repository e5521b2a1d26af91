// The facilitator's console (`/?facilitate=<secret>`): the room code and the links to hand
// out, a seat per role (a team, renamable, with its join code; or the computer at a
// strength), the timers, Start; during play the clock (pause, resume, extend, resolve now),
// who has submitted (never what), injects (a scenario event now, or a news item), every
// team's messages, End game and the room's record. The server checks every command; a
// refusal shows beside the control that sent it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Seat, RoleInfo, RoomPublic, RoomSettings } from '../../classroom/protocol';
import { MAX_TEAM_NAME, MAX_TEXT } from '../../classroom/protocol';
import { turnDate } from '../../engine';
import { STRENGTHS } from '../../store/gameStore';
import { ReportSummary } from '../reportSummary';
import { SettingsFields } from './setup';
import type { ClientBody } from './connection';
import { Countdown, MessageList, NewsList, QrCode, Refusal, SayForm, Submitted, refusedId, stageWords, useBusy, useClassroom, useClassroomApi } from './parts';
import { JoinCardsScreen } from './joinCards';
import { classroomLink } from './route';
import { injectableEvents } from './injects';
import { roomOutcome } from '../../classroom/outcome';

/** The computer players a republic may have, weakest first (src/ai/republic.ts). */
export const REPUBLIC_STRENGTHS: readonly (readonly [string, string])[] = [
  ['rule', 'Rule of thumb (the engine’s own)'],
  ['greedy', 'Greedy (its own interest, this turn)'],
  ['search', 'Search (two turns ahead)'],
];

const strengthsOf = (r: RoleInfo): readonly (readonly [string, string])[] => (r.kind === 'power' ? STRENGTHS : REPUBLIC_STRENGTHS);

/** A button that asks in place: the first press arms it ("Confirm: …" and Cancel), the second acts; Escape or Cancel disarms. */
export function ConfirmButton({ id, label, confirm, act, disabled }: { id: string; label: string; confirm: string; act(): unknown; disabled?: boolean }) {
  const [armed, setArmed] = useState(false);
  const refusals = useClassroom((s) => s.refusals);
  return (
    <span class="confirm">
      <button
        type="button"
        data-key={id}
        class={armed ? 'primary' : undefined}
        aria-disabled={disabled ? 'true' : undefined}
        aria-describedby={refusedId(refusals, id)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setArmed(false);
        }}
        onClick={() => {
          if (disabled) return;
          if (!armed) return setArmed(true);
          setArmed(false);
          act();
        }}
      >
        {armed ? `Confirm: ${confirm}` : label}
      </button>
      {armed && (
        <button type="button" data-key={`${id}-cancel`} onClick={() => setArmed(false)}>
          Cancel
        </button>
      )}
      <Refusal at={id} />
    </span>
  );
}

/** A button sending one command; it says it is waiting until the server answers. */
function Command({ id, label, body, primary }: { id: string; label: string; body: ClientBody; primary?: boolean }) {
  const store = useClassroomApi();
  const waiting = useBusy(id);
  const refusals = useClassroom((s) => s.refusals);
  return (
    <>
      <button type="button" data-key={id} class={primary ? 'primary' : undefined} aria-disabled={waiting ? 'true' : undefined} aria-describedby={refusedId(refusals, id)} onClick={() => !waiting && store.getState().act(id, body)}>
        {label}
      </button>
      <Refusal at={id} />
    </>
  );
}

export function ConsoleScreen({ origin }: { origin: string }) {
  const store = useClassroomApi();
  const room = useClassroom((s) => s.room);
  const scenario = useClassroom((s) => s.scenario);
  const game = useClassroom((s) => s.game);
  const codes = useClassroom((s) => s.codes);
  const messages = useClassroom((s) => s.messages);
  const [cards, setCards] = useState(false);
  // Back from the cards, the keyboard is where it left: on the button that opened them.
  const cardsClosed = useRef(false);
  useEffect(() => {
    if (cards || !cardsClosed.current) return;
    cardsClosed.current = false;
    document.querySelector<HTMLElement>('[data-key="join-cards"]')?.focus();
  }, [cards]);
  if (!room || !scenario) return null;
  // Only the teams' join codes go to the cards, never the facilitator's secret.
  if (cards)
    return (
      <JoinCardsScreen
        room={room}
        scenario={scenario}
        teamCodes={codes?.teams ?? []}
        origin={origin}
        onClose={() => {
          cardsClosed.current = true;
          setCards(false);
        }}
      />
    );
  const st = game?.view;
  const last = game?.reports[game.reports.length - 1];
  // The room's own code in the join link (as the server prints it): the page then asks for the team's code.
  const joinAt = classroomLink(origin, 'join', room.code);
  const joining = (
    <section class="panel join" aria-labelledby="join-title">
      <h2 id="join-title">Joining</h2>
      <div class="join-grid">
        <div>
          <p class="room-code">
            Room code <strong>{room.code}</strong>
          </p>
          <p>
            {'Students open '}
            <a href={joinAt}>{joinAt}</a>
            {' (or scan the code) and type their team’s own join code (below: give each team its code privately).'}
          </p>
          <p>
            {'Projector: open '}
            <a href={classroomLink(origin, 'projector', room.code)} target="_blank" rel="noopener">
              {classroomLink(origin, 'projector', room.code)}
            </a>
          </p>
          <p>
            <a href={classroomLink(origin, 'shared', codes?.facilitator ?? '')} target="_blank" rel="noopener" data-key="shared-link">
              Play on one shared screen (classes without devices)
            </a>
          </p>
        </div>
        <QrCode text={joinAt} label={`QR code of ${joinAt}`} size={280} />
      </div>
    </section>
  );
  return (
    <div class="console">
      <header class="status">
        <h1>{`Console: ${room.title}`}</h1>
        <p>
          {`Room ${room.code} · `}
          {room.phase === 'lobby' ? 'Not started: seat the roles, then Start.' : room.phase === 'ended' ? (roomOutcome(scenario, room, st)?.line ?? 'Game over.') : `Turn ${room.turn} of ${st?.lastTurn ?? scenario.turns} (${turnDate(scenario.start, scenario.monthsPerTurn, room.turn)}): ${stageWords(room)}.`}
        </p>
        <Countdown room={room} />
      </header>
      <p class="secret" role="note">
        This page's address is secret: whoever has it runs the room. Do not show it on the projector; use the projector link below.
      </p>
      {/* Before the start: joining and seats first; during play: the clock, who has submitted, injects. */}
      {room.phase === 'playing' && <ClockPanel room={room} />}
      {room.phase === 'playing' && <InjectPanel room={room} />}
      {room.phase === 'lobby' && joining}
      <RolesPanel room={room} teamCodes={codes?.teams ?? []} origin={origin} onCards={() => setCards(true)} />
      {room.phase === 'lobby' && <SettingsPanel settings={room.settings} />}
      {room.phase === 'lobby' && (
        <section class="panel" aria-labelledby="start-title">
          <h2 id="start-title">Start</h2>
          <p>Teams can join before and after the start; a team with no device connected is marked so.</p>
          <Command id="start" label="Start the game" body={{ t: 'start' }} primary />
        </section>
      )}
      {last && st && (
        <section class="panel report" aria-labelledby="last-title">
          <h2 id="last-title">{`Turn ${last.turn} (${last.date})`}</h2>
          <ReportSummary scenario={scenario} report={last} after={st} />
        </section>
      )}
      <NewsList room={room} />
      <section class="panel" aria-labelledby="messages-title">
        <h2 id="messages-title">{`Messages (${messages.length})`}</h2>
        <MessageList messages={messages} room={room} me={null} />
        {room.phase !== 'ended' && <WriteToTeams room={room} />}
      </section>
      {room.phase === 'playing' && <SettingsPanel settings={room.settings} playing />}
      {room.phase !== 'lobby' && joining}
      <section class="panel" aria-labelledby="end-title">
        <h2 id="end-title">The record</h2>
        <p>
          <a href={`/api/rooms/${encodeURIComponent(room.code)}/export?key=${encodeURIComponent(codes?.facilitator ?? '')}`} download={`room-${room.code}.json`} data-key="export">
            Download the room's record (JSON: every turn, order, stance, message and inject)
          </a>
        </p>
        <p>
          <a href={`/api/rooms/${encodeURIComponent(room.code)}/debrief?key=${encodeURIComponent(codes?.facilitator ?? '')}`} target="_blank" rel="noopener noreferrer" data-key="debrief">
            {room.phase === 'ended' ? "Open the class's debrief (a printable page)" : "Open the class's debrief so far (a printable page)"}
          </a>
        </p>
        {room.phase !== 'ended' && <ConfirmButton id="end" label="End the game" confirm="end the game now for every team" act={() => store.getState().act('end', { t: 'end' })} />}
      </section>
    </div>
  );
}

function RolesPanel({ room, teamCodes, origin, onCards }: { room: RoomPublic; teamCodes: readonly { role: string; code: string }[]; origin: string; onCards(): void }) {
  const codeOf = new Map(teamCodes.map((t) => [t.role, t.code]));
  return (
    <section class="panel roles" aria-labelledby="roles-title">
      <h2 id="roles-title">Roles and seats</h2>
      <p>Each role is played by a team (give the team its join code, privately) or by the computer. Nobody sees another team's orders; you see who has submitted, never what.</p>
      <p>
        <button type="button" data-key="join-cards" onClick={onCards}>
          Print join cards (one per team, with its code and QR code)
        </button>
      </p>
      <ul class="role-list">
        {room.roles.map((r, i) => (
          <RoleRow key={r.role} role={r} index={i} code={codeOf.get(r.role) ?? null} origin={origin} />
        ))}
      </ul>
    </section>
  );
}

function RoleRow({ role: r, index, code, origin }: { role: RoleInfo; index: number; code: string | null; origin: string }) {
  const store = useClassroomApi();
  const refusals = useClassroom((s) => s.refusals);
  const [name, setName] = useState(r.seat.kind === 'team' ? (r.seat.name ?? r.name) : `Team ${index + 1}`);
  const [showQr, setShowQr] = useState(false);
  const key = `seat-${r.role}`;
  const value = r.seat.kind === 'team' ? 'team' : `computer:${r.seat.player}`;
  const seat = (next: Seat): void => void store.getState().act(key, { t: 'seat', role: r.role, seat: next });
  const choose = (v: string): void => (v === 'team' ? seat({ kind: 'team', name: name.trim() || `Team ${index + 1}` }) : seat({ kind: 'computer', player: v.slice('computer:'.length) }));
  const link = code === null ? null : classroomLink(origin, 'join', code);
  return (
    <li class="role" data-role={r.role}>
      <h3>{`${r.name} (${r.kind === 'power' ? 'power' : 'republic'})`}</h3>
      <p class="field">
        <label for={`${key}-who`}>{`Who plays ${r.name}`}</label>
        <select id={`${key}-who`} value={value} aria-describedby={refusedId(refusals, key)} onChange={(e) => choose(e.currentTarget.value)}>
          <option value="team">A team</option>
          {strengthsOf(r).map(([v, words]) => (
            <option key={v} value={`computer:${v}`}>{`Computer: ${words}`}</option>
          ))}
        </select>
      </p>
      {r.seat.kind === 'team' && (
        <>
          <p class="field">
            <label for={`${key}-name`}>Team name</label>
            <span>
              <input type="text" id={`${key}-name`} maxLength={MAX_TEAM_NAME} value={name} onInput={(e) => setName(e.currentTarget.value)} />{' '}
              <button type="button" data-key={`${key}-rename`} disabled={!name.trim() || name.trim() === r.seat.name} onClick={() => seat({ kind: 'team', name: name.trim() })}>
                Rename
              </button>
            </span>
          </p>
          <p>
            {`${r.connected} device${r.connected === 1 ? '' : 's'} connected. `}
            {code !== null && (
              <>
                {'Join code '}
                <strong class="join-code" data-testid={`code-${r.role}`}>
                  {code}
                </strong>
                {' · '}
                <a href={link ?? ''} data-testid={`link-${r.role}`}>
                  team link
                </a>{' '}
                <button type="button" aria-expanded={showQr ? 'true' : 'false'} onClick={() => setShowQr(!showQr)}>
                  {showQr ? 'Hide its QR code' : 'Show its QR code'}
                </button>
              </>
            )}
          </p>
          {showQr && link !== null && <QrCode text={link} label={`QR code of ${r.seat.name}'s link`} size={240} />}
        </>
      )}
      <Refusal at={key} />
    </li>
  );
}

function SettingsPanel({ settings, playing = false }: { settings: RoomSettings; playing?: boolean }) {
  const store = useClassroomApi();
  const [draft, setDraft] = useState(settings);
  const refusals = useClassroom((s) => s.refusals);
  const changed = JSON.stringify(draft) !== JSON.stringify(settings);
  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {/* A teacher who shortened the timer mid-turn saw the countdown go on as before: the server keeps a running stage's deadline (room.ts), and says so here. */}
      {playing && (
        <p data-testid="settings-when">
          New timer lengths count from the next stage: for this one use +1 minute, +5 minutes or Resolve now. What happens to a team that has not submitted applies when this stage closes.
        </p>
      )}
      <SettingsFields value={draft} change={setDraft} idPrefix="console" />
      <button type="button" data-key="settings" disabled={!changed} aria-describedby={refusedId(refusals, 'settings')} onClick={() => store.getState().act('settings', { t: 'settings', settings: draft })}>
        Save the settings
      </button>
      <Refusal at="settings" />
    </section>
  );
}

function ClockPanel({ room }: { room: RoomPublic }) {
  const store = useClassroomApi();
  const paused = room.timer.kind === 'paused';
  return (
    <section class="panel clock" aria-labelledby="clock-title">
      {/* Where the focus goes when Start (or an answered confirmation) leaves the page. */}
      <h2 id="clock-title" tabIndex={-1} data-landing>{room.stage === 'orders' ? 'Orders: who has submitted' : 'Stances: who has chosen'}</h2>
      <Submitted room={room} />
      <div class="buttons">
        {room.timer.kind !== 'off' && (paused ? <Command id="resume" label="Resume" body={{ t: 'resume' }} /> : <Command id="pause" label="Pause" body={{ t: 'pause' }} />)}
        {room.timer.kind !== 'off' && <Command id="extend-60" label="+1 minute" body={{ t: 'extend', seconds: 60 }} />}
        {room.timer.kind !== 'off' && <Command id="extend-300" label="+5 minutes" body={{ t: 'extend', seconds: 300 }} />}
        <ConfirmButton id="resolve-now" label={room.stage === 'orders' ? 'Resolve now' : 'Resolve the stances now'} confirm={`close this stage now (a role that has not submitted is handled as the settings say)`} act={() => store.getState().act('resolve-now', { t: 'resolve-now' })} />
      </div>
    </section>
  );
}

/** The facilitator writes to one team (a nudge, a private brief) or to every team; unlike a news item, the projector does not show it. */
function WriteToTeams({ room }: { room: RoomPublic }) {
  // A computer reads no messages: only roles played by teams are offered.
  const teams = room.roles.filter((r) => r.seat.kind === 'team');
  return (
    <div class="write-to-teams">
      <h3>Write to the teams</h3>
      <p class="summary">Only the team you choose reads it (or every team); the projector does not show it. For the whole room, send a news item.</p>
      <SayForm id="facilitator-say" teams={teams} everyone="Every team" sendLabel="Send the message" />
    </div>
  );
}

function InjectPanel({ room }: { room: RoomPublic }) {
  const store = useClassroomApi();
  const scenario = useClassroom((s) => s.scenario);
  const state = useClassroom((s) => s.game?.view ?? null);
  const refusals = useClassroom((s) => s.refusals);
  const [event, setEvent] = useState('');
  const [news, setNews] = useState('');
  if (!scenario) return null;
  // Only what the server would accept: an event that has happened (and happens once) is not offered.
  const offered = state ? injectableEvents(scenario, state, room) : scenario.events;
  const chosen = offered.some((e) => e.id === event) ? event : (offered[0]?.id ?? '');
  return (
    <section class="panel injects" aria-labelledby="inject-title">
      <h2 id="inject-title">Injects</h2>
      {offered.length > 0 ? (
        <p class="field">
          <label for="inject-event">A scenario event (it happens as this turn resolves)</label>
          <span>
            <select id="inject-event" value={chosen} onChange={(e) => setEvent(e.currentTarget.value)}>
              {offered.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>{' '}
            <button type="button" data-key="inject-event" aria-describedby={refusedId(refusals, 'inject-event')} onClick={() => store.getState().act('inject-event', { t: 'inject-event', event: chosen })}>
              Fire it this turn
            </button>
          </span>
        </p>
      ) : (
        scenario.events.length > 0 && <p data-testid="no-injectable">Every event of the scenario has happened or is fired this turn: none is left to fire.</p>
      )}
      <Refusal at="inject-event" />
      <p class="field">
        <label for="inject-news">A news item every team sees</label>
        <textarea id="inject-news" rows={2} maxLength={MAX_TEXT} value={news} onInput={(e) => setNews(e.currentTarget.value)} />
      </p>
      <button
        type="button"
        data-key="news"
        disabled={!news.trim()}
        aria-describedby={refusedId(refusals, 'news')}
        onClick={() => {
          if (store.getState().act('news', { t: 'news', text: news.trim() })) setNews('');
        }}
      >
        Send the news
      </button>
      <Refusal at="news" />
    </section>
  );
}
