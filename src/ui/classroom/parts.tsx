// Pieces every classroom screen shows: the link banner, the countdown, who has submitted,
// the news, a QR code, and the refusal beside the control whose message was refused.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import QRCode from 'qrcode';
import type { Addressee, RoleInfo, RoomPublic, Sender, TeamMessage } from '../../classroom/protocol';
import { MAX_TEXT, isTeamParty } from '../../classroom/protocol';
import { roomOutcome } from '../../classroom/outcome';
import type { ClassroomState } from './classroomStore';
import { busy, clockText, graceNote, timeLeft } from './classroomStore';
import { useSlice } from '../storeHooks';
import { bringIntoSight } from '../focus';
import { answeringNow, seatLine, teamHeading } from './seats';
import type { TeamNames } from './seats';

export const ClassroomContext = createContext<StoreApi<ClassroomState> | null>(null);

export function useClassroomApi(): StoreApi<ClassroomState> {
  const store = useContext(ClassroomContext);
  if (!store) throw new Error('no classroom store: render inside <ClassroomContext.Provider>');
  return store;
}

export const useClassroom = <T,>(select: (s: ClassroomState) => T): T => useSlice(useClassroomApi(), select);

/** Whether the control `key` waits for the server's answer (its button says so and does not send twice). */
export const useBusy = (key: string): boolean => useClassroom((s) => busy(s, key));

/** Why the server refused what the control `key` sent, beside it (described-by from the control: `${key}-refused`). */
export function Refusal({ at }: { at: string }) {
  const why = useClassroom((s) => s.refusals.get(at));
  if (why === undefined) return null;
  return (
    <p class="message error beside" id={`${at}-refused`} role="alert">
      {why}
    </p>
  );
}

/** The describedby of a control that may be refused. */
export const refusedId = (refusals: ReadonlyMap<string, string>, key: string): string | undefined => (refusals.has(key) ? `${key}-refused` : undefined);

/** The banner while the link is down: the page still shows the room as it last was. */
export function LinkBanner() {
  const link = useClassroom((s) => s.link);
  const welcomed = useClassroom((s) => s.welcomed);
  const notice = useClassroom((s) => s.notice);
  const store = useClassroomApi();
  const down = link === 'reconnecting' || (link === 'connecting' && welcomed);
  return (
    <>
      {/* Always in the page (hidden while connected), so coming back is announced as well as going. */}
      <div role="status" aria-live="polite" class={down ? 'link-banner' : 'sr-only'}>
        {down ? 'Connection lost: reconnecting… What you see is how the room last was; nothing you do is sent until the connection is back.' : link === 'open' ? 'Connected.' : ''}
      </div>
      {notice !== null && (
        <div class="message error" role="alert">
          <p>{notice}</p>
          <button type="button" onClick={() => store.getState().dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

/** The local clock for the countdown, read four times a second so each second turns over on time. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  return now;
}

export const stageWords = (room: RoomPublic): string => (room.deciding ? 'the computer players are deciding' : room.stage === 'orders' ? 'the powers give their orders' : 'the republics choose their stances');

/** "3:12 left for orders", "Paused (2:00 left)", "No time limit". Read out only when the minute changes, not every second. */
/**
 * How the game ended, the same words on every screen (src/classroom/outcome.ts); nothing while
 * it goes on. `landing`: the heading takes the focus and comes into sight when the game ends
 * (a phone's panel was left scrolled down at the last report, and never showed it).
 */
export function GameOutcome({ landing = false }: { landing?: boolean }) {
  const room = useClassroom((s) => s.room);
  const scenario = useClassroom((s) => s.scenario);
  const board = useClassroom((s) => s.game?.view);
  const heading = useRef<HTMLHeadingElement>(null);
  const said = room && scenario ? roomOutcome(scenario, room, board) : null;
  const headline = said?.headline ?? null;
  useEffect(() => {
    if (!landing || headline === null) return;
    const frame = requestAnimationFrame(() => {
      if (heading.current) bringIntoSight(heading.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [landing, headline]);
  if (!said) return null;
  return (
    <section class="panel game-outcome" aria-labelledby="result-title" data-testid="game-outcome">
      <h2 id="result-title" ref={heading} tabIndex={landing ? -1 : undefined} data-landing={landing ? true : undefined}>
        {said.headline}
      </h2>
      <p>{said.detail}</p>
    </section>
  );
}

/** `draft`: on a power team's own screen, the orders in its unsent list (the grace period's words are then its own); null elsewhere. */
export function Countdown({ room, big = false, draft = null }: { room: RoomPublic; big?: boolean; draft?: number | null }) {
  const skew = useClassroom((s) => s.skew);
  const now = useNow();
  if (room.phase !== 'playing') return null;
  const left = timeLeft(room.timer, skew, now);
  const what = room.stage === 'orders' ? 'orders' : 'stances';
  const grace = room.timer.kind !== 'off' && room.timer.grace;
  const text = left === null ? `No time limit for ${what}` : room.timer.kind === 'paused' ? `Paused: ${clockText(left)} left for ${what}` : `${clockText(left)} left for ${what}`;
  const minute = left === null ? text : `${Math.ceil(left / 60_000)} minute${Math.ceil(left / 60_000) === 1 ? '' : 's'} left for ${what}${room.timer.kind === 'paused' ? ' (paused)' : ''}`;
  return (
    <div class={`countdown${big ? ' big' : ''}${left !== null && left < 30_000 && room.timer.kind === 'running' ? ' hurry' : ''}`} data-testid="countdown">
      <span role="timer" aria-live="off">
        {text}
        {/* Its own line on the projector, in smaller type: in the countdown's 64 px it took five lines and pushed the last turn's table off the screen. */}
        {grace && left !== null && room.timer.kind === 'running' && <span class="grace-note">{graceNote(room.stage, draft)}</span>}
      </span>
      <span class="sr-only" aria-live="polite">
        {minute}
      </span>
    </div>
  );
}

/** While a game is played: the current stage's heading and every seat that answers in it, teams and computers (the public screens: projector, shared screen). */
export function TeamSubmissions({ room, id, names }: { room: RoomPublic; id: string; names?: TeamNames }) {
  if (room.phase !== 'playing') return null;
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{room.stage === 'orders' ? 'Orders' : 'Stances'}</h2>
      <Submitted room={room} names={names} />
    </section>
  );
}

/** Who has given orders (or a stance) this stage: every seat in words (✓ / waiting, a computer ready), never what they gave. */
export function Submitted({ room, roles, names }: { room: RoomPublic; roles?: readonly RoleInfo[]; names?: TeamNames }) {
  return (
    <ul class="submitted" aria-label={room.stage === 'orders' ? 'Who has given orders' : 'Who has chosen a stance'} data-testid="submitted">
      {answeringNow(room, roles).map((r) => {
        const ready = r.submitted || r.seat.kind === 'computer';
        return (
          <li key={r.role} class={`${ready ? 'done' : 'waiting'}${r.seat.kind === 'computer' ? ' computer' : ''}`}>
            <span class="mark" aria-hidden="true">
              {ready ? '✓' : '…'}
            </span>
            {` ${seatLine(room, r, names)}`}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The news and events the facilitator fired, newest first: all of them, or (`when`) only this
 * turn's or only the earlier turns' (a team's screen puts this turn's at the top, where a
 * student sees an inject the moment it comes, and the rest at the bottom).
 */
export function NewsList({ room, limit, when }: { room: RoomPublic; limit?: number; when?: 'this-turn' | 'earlier' }) {
  const chosen = when === undefined ? room.news : room.news.filter((n) => (n.turn === room.turn) === (when === 'this-turn'));
  const items = [...chosen].reverse().slice(0, limit ?? chosen.length);
  if (items.length === 0) return null;
  const id = when === undefined ? 'news-title' : `news-${when}-title`;
  return (
    <section class="panel news" aria-labelledby={id} data-testid={when === undefined ? 'news' : `news-${when}`}>
      <h2 id={id}>{when === 'this-turn' ? (room.phase === 'ended' ? 'News of the last turn' : 'News this turn') : when === 'earlier' ? 'Earlier news' : 'News'}</h2>
      <ul>
        {items.map((n) => (
          <li key={`${n.at}-${n.text}`} class={n.kind}>
            <strong>{n.kind === 'event' ? 'Event' : 'News'}</strong>
            {` (turn ${n.turn}): ${n.text}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A QR code of `text` (drawn here: the address never leaves the page). */
export function QrCode({ text, label, size }: { text: string; label: string; size: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(text, { margin: 2, width: size, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text, size]);
  return src === null ? null : <img class="qr" src={src} width={size} height={size} alt={label} />;
}

/** Who a message came from or went to, in words (`me`: this screen's team, "you"). */
export function partyName(room: RoomPublic | null, p: Sender | Addressee, me: string | null, self: string): string {
  if (p.kind === 'all') return 'everyone';
  if (p.kind === 'facilitator') return 'the facilitator';
  return p.role === me ? self : (room?.roles.find((r) => r.role === p.role)?.name ?? p.role);
}

export function MessageList({ messages, room, me }: { messages: readonly TeamMessage[]; room: RoomPublic | null; me: string | null }) {
  if (messages.length === 0) return <p>No messages yet.</p>;
  return (
    <ol class="messages" aria-label="Messages, oldest first">
      {messages.map((m) => (
        <li key={m.seq} class={me !== null && isTeamParty(m.from, me) ? 'mine' : ''}>
          <strong>{`${partyName(room, m.from, me, 'You')} → ${partyName(room, m.to, me, 'you')} (turn ${m.turn}): `}</strong>
          {m.text}
        </li>
      ))}
    </ol>
  );
}

/**
 * Writing a message: to every team or to one of `teams`, sent with `say`. The team screens
 * and the facilitator's console share it; `id` keeps their labels apart on one page. A team
 * writes to the other teams by their roles' names (`names`): which team plays which is not its to know.
 */
export function SayForm({ id, teams, everyone, sendLabel, names = 'team-names' }: { id: string; teams: readonly RoleInfo[]; everyone: string; sendLabel: string; names?: TeamNames }) {
  const store = useClassroomApi();
  const refusals = useClassroom((s) => s.refusals);
  // The list's value: '' is everyone (no role id is empty, so no role can be mistaken for it).
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  // A team seated by the computer since it was chosen: back to everyone rather than a choice the list no longer shows.
  const chosen = teams.some((r) => r.role === to) ? to : '';
  const send = (): void => {
    const t = text.trim();
    if (t && store.getState().act('say', { t: 'say', to: chosen === '' ? { kind: 'all' } : { kind: 'team', role: chosen }, text: t })) setText('');
  };
  return (
    <>
      <p class="field">
        <label for={`${id}-to`}>To</label>
        <select id={`${id}-to`} value={chosen} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">{everyone}</option>
          {teams.map((r) => (
            <option key={r.role} value={r.role}>
              {names === 'team-names' ? teamHeading(r) : r.name}
            </option>
          ))}
        </select>
      </p>
      <p class="field">
        <label for={`${id}-text`}>Message</label>
        <textarea id={`${id}-text`} rows={2} maxLength={MAX_TEXT} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </p>
      <button type="button" data-key="say" disabled={!text.trim()} aria-describedby={refusedId(refusals, 'say')} onClick={send}>
        {sendLabel}
      </button>
      <Refusal at="say" />
    </>
  );
}
