// The shared screen (`/?shared=<facilitator secret>`): for classes without devices, one screen
// (the classroom's laptop on the projector) plays for every team seated as a team, on the same
// server flow as devices would (the same timers, stages and console). It connects as the
// facilitator to learn the join codes, then opens one connection and classroom store per
// team-seated role, as a team's device would. In each stage the next team that owes an answer
// (handover.ts) gets a hand-over screen that shows nothing of any team's state; its button opens
// that team's own screen (team.tsx's TeamScreen on the team's store; the game store the map
// and the play screen's panels read is bridged to that team only while it is shown). Once the
// turn resolves, a between-turns screen shows the last turn in brief before the next team.
// Before the first orders, a briefing round: each team in turn gets a hand-over screen, then
// its own role's briefing (and no other team's), says Ready and hands the screen on.
// A team whose join code the server refuses (the room is full, say) is not handed the screen:
// this screen says so, what the server said and what to do, and offers to try again.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import type { RoleInfo, RoomPublic } from '../../classroom/protocol';
import type { GameStoreState } from '../../store/gameStore';
import { ReportSummary } from '../reportSummary';
import { useSlice } from '../storeHooks';
import { bridge } from './bridge';
import type { ClassroomState } from './classroomStore';
import { nextStep } from './handover';
import { ClassroomContext, Countdown, GameOutcome, NewsList, TeamSubmissions, stageWords, useClassroom, useClassroomApi } from './parts';
import { teamCalled } from './seats';
import { TeamScreen } from './team';

/** One team's connection on this screen. */
export interface TeamLink {
  classroom: StoreApi<ClassroomState>;
  close(): void;
}

const teamName = (r: RoleInfo): string => (r.seat.kind === 'team' ? (r.seat.name ?? r.name) : r.name);

/** Focuses the element once it is on the page (the hand-over button: where the keyboard starts). */
function useLanding<T extends HTMLElement>(key: string): preact.RefObject<T> {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), [key]);
  return ref;
}

export function SharedScreen({ open, games }: { open(code: string): TeamLink; games: StoreApi<GameStoreState> }) {
  const room = useClassroom((s) => s.room);
  const scenario = useClassroom((s) => s.scenario);
  const codes = useClassroom((s) => s.codes);
  const links = useRef(new Map<string, TeamLink>());
  const [played, setPlayed] = useState<ReadonlyMap<string, TeamLink>>(new Map());
  const [seenTurn, setSeenTurn] = useState(0);
  const [active, setActive] = useState<string | null>(null);
  // The briefing round: the roles whose team has read its briefing here, and the one reading now.
  const [briefed, setBriefed] = useState<ReadonlySet<string>>(new Set());
  const [reading, setReading] = useState<string | null>(null);
  // Teams whose connection the server refused (role → its reason): a refused link never tries again by itself.
  const [refused, setRefused] = useState<ReadonlyMap<string, string>>(new Map());

  // One connection per team-seated role; a role the facilitator gives to the computer is let go.
  const seated = room?.roles.filter((r) => r.seat.kind === 'team').map((r) => r.role) ?? [];
  const seatedKey = seated.join(',');
  useEffect(() => {
    const want = new Set(seatedKey ? seatedKey.split(',') : []);
    const now = links.current;
    let changed = false;
    for (const [role, link] of now)
      if (!want.has(role)) {
        link.close();
        now.delete(role);
        changed = true;
      }
    for (const role of want) {
      const code = codes?.teams.find((t) => t.role === role)?.code;
      if (code === undefined || now.has(role)) continue;
      now.set(role, open(code));
      changed = true;
    }
    if (changed) setPlayed(new Map(now));
  }, [seatedKey, codes, open]);
  useEffect(
    () => () => {
      for (const l of links.current.values()) l.close();
    },
    [],
  );

  useEffect(() => {
    const check = (): void => {
      const now = new Map<string, string>();
      for (const [role, link] of played) {
        const s = link.classroom.getState();
        if (s.link === 'denied') now.set(role, s.deniedWhy ?? 'the code is not known');
      }
      setRefused((was) => (sameEntries(was, now) ? was : now));
    };
    check();
    const offs = [...played.values()].map((l) => l.classroom.subscribe(check));
    return () => {
      for (const off of offs) off();
    };
  }, [played]);
  /** Opens a refused team's connection again (after the facilitator freed a place, say). */
  const retry = (role: string): void => {
    const code = codes?.teams.find((t) => t.role === role)?.code;
    if (code === undefined) return;
    links.current.get(role)?.close();
    links.current.set(role, open(code));
    setPlayed(new Map(links.current));
  };

  // A new stage or turn: the team on the screen hands over (its screen would show the next stage).
  const stageKey = room ? `${room.phase}|${room.turn}|${room.stage}` : '';
  useEffect(() => setActive(null), [stageKey]);

  // The game store (map, panels) shows the team on the screen; between teams, the public board
  // this screen receives as the facilitator (what the projector shows: no team's secrets).
  const shown = active === null ? undefined : played.get(active);
  const publicBoard = useClassroomApi();
  useEffect(() => {
    const off = bridge(shown ? shown.classroom : publicBoard, games);
    return () => {
      off();
      games.setState({ session: null });
    };
  }, [shown, publicBoard, games]);

  // A refused team is not handed the screen: the hand-overs go on with the others.
  const playedRoles = useMemo(() => new Set([...played.keys()].filter((r) => !refused.has(r))), [played, refused]);
  if (!room || !scenario) return null;
  const role = active === null ? undefined : room.roles.find((r) => r.role === active);
  if (shown && role && !refused.has(role.role)) return <TeamTurn role={role} link={shown} room={room} onDone={() => setActive(null)} />;
  const reader = reading === null ? undefined : room.roles.find((r) => r.role === reading);
  if (reader)
    return (
      <BriefingRead
        role={reader}
        onReady={() => {
          setBriefed((was) => new Set([...was, reader.role]));
          setReading(null);
        }}
      />
    );
  const step = nextStep(room, playedRoles, seenTurn, briefed);
  return (
    <div class="shared-panel">
      <header class="status">
        <h1>{`${room.title} — one shared screen`}</h1>
        <p data-testid="turn-line">{room.phase === 'lobby' ? 'The game starts soon.' : room.phase === 'ended' ? 'The game is over.' : `Turn ${room.turn}: ${stageWords(room)}.`}</p>
        <Countdown room={room} big />
      </header>
      {refused.size > 0 && <RefusedTeams roles={room.roles.filter((r) => refused.has(r.role))} refused={refused} onRetry={retry} />}
      {step.kind === 'lobby' && (
        <section class="panel" aria-labelledby="shared-lobby-title">
          <h2 id="shared-lobby-title" tabIndex={-1} data-landing>
            Waiting for the facilitator to start
          </h2>
          <p>This screen plays for every team seated as a team. In each stage it asks to be passed to the next team; only that team's screen is shown, and only after it says it is there.</p>
          <ul class="submitted">
            {room.roles.map((r) => (
              <li key={r.role}>{`${r.name}: ${r.seat.kind === 'team' ? `${r.seat.name}${playedRoles.has(r.role) ? ' (on this screen)' : ''}` : 'the computer'}`}</li>
            ))}
          </ul>
        </section>
      )}
      {step.kind === 'ended' && <GameOutcome landing />}
      {step.kind === 'briefing' && <HandOver role={step.role} briefing onGo={() => setReading(step.role.role)} />}
      {step.kind === 'team' && <HandOver role={step.role} onGo={() => setActive(step.role.role)} />}
      {step.kind === 'between' && <BetweenTurns turn={step.turn} first={step.first} onNext={() => setSeenTurn(room.turn)} />}
      {step.kind === 'waiting' && (
        <section class="panel waiting" aria-labelledby="shared-wait-title">
          <h2 id="shared-wait-title" tabIndex={-1} data-landing>
            {room.stage === 'orders' ? 'Every team here has given its orders' : 'Every team here has taken its stance'}
          </h2>
          <p>The turn goes on when the others have answered, the time is up, or the facilitator closes the stage.</p>
        </section>
      )}
      <TeamSubmissions room={room} id="shared-who-title" />
      <NewsList room={room} limit={3} />
    </div>
  );
}

const sameEntries = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Teams the server would not let in from this screen: what it said, what to do, and a way to try again. */
function RefusedTeams({ roles, refused, onRetry }: { roles: readonly RoleInfo[]; refused: ReadonlyMap<string, string>; onRetry(role: string): void }) {
  return (
    <section class="panel denied" role="alert" aria-labelledby="shared-refused-title" data-testid="shared-refused">
      <h2 id="shared-refused-title">{roles.length === 1 ? `${teamName(roles[0] as RoleInfo)} could not join from this screen` : 'Some teams could not join from this screen'}</h2>
      <ul>
        {roles.map((r) => (
          <li key={r.role}>
            {`${teamName(r) === r.name ? r.name : `${teamName(r)} (${r.name})`}: the server says: ${refused.get(r.role) ?? ''}. `}
            <button type="button" data-key={`retry-${r.role}`} onClick={() => onRetry(r.role)}>
              {`Try ${teamName(r)} again`}
            </button>
          </li>
        ))}
      </ul>
      <p>
        What to do: if the room is full, close a device that is in this room (another tab of the console, the projector, a team's phone) and try again. Or, in the facilitator's console, seat
        the role with the computer: the game goes on without this screen playing it. Meanwhile this screen hands over to the other teams.
      </p>
    </section>
  );
}

/** "Pass the screen to …": nothing of any team's state, one button. `briefing`: the team is to read its briefing. */
function HandOver({ role, onGo, briefing = false }: { role: RoleInfo; onGo(): void; briefing?: boolean }) {
  const ref = useLanding<HTMLButtonElement>(`${briefing ? 'briefing' : 'turn'}-${role.role}`);
  return (
    <section class="panel handover" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title">{`Pass the screen to ${teamCalled(role)}${briefing ? ' to read its briefing' : ''}`}</h2>
      <p>{briefing ? "The other teams look away: the next screen is this team's own briefing." : "The other teams look away: the next screen is this team's own."}</p>
      <button type="button" class="primary" ref={ref} data-landing data-key="handover" onClick={onGo}>
        {briefing ? `We are ${teamName(role)}: show our briefing` : `We are ${teamName(role)}: show our screen`}
      </button>
    </section>
  );
}

/** One team's own briefing (the scenario's, for its role only), then Ready hands the screen on. */
function BriefingRead({ role, onReady }: { role: RoleInfo; onReady(): void }) {
  const scenario = useClassroom((s) => s.scenario);
  const heading = useLanding<HTMLHeadingElement>(`read-${role.role}`);
  const b = scenario?.briefings.find((x) => x.role === role.role);
  return (
    <div class="shared-panel">
      <section class="panel briefing-read" aria-labelledby="briefing-read-title" data-testid="briefing-read">
        <h1 id="briefing-read-title" tabIndex={-1} ref={heading}>{teamName(role) === role.name ? `${role.name}: your briefing` : `${teamName(role)}: your briefing — ${role.name}`}</h1>
        {b ? (
          <>
            <h2>{b.title}</h2>
            {b.text.split(/\n+/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </>
        ) : (
          <p>{`The scenario has no briefing for ${role.name}: your screen shows your role and its goals once the game starts.`}</p>
        )}
        <p>When your team has read it, say Ready and pass the screen on. Your screen shows this briefing again during the first turn.</p>
        <button type="button" class="primary" data-key="briefing-ready" onClick={onReady}>
          Ready: hand the screen on
        </button>
      </section>
    </div>
  );
}

/** The turn that resolved, in brief (as the projector shows it), then the screen goes to the first team. */
function BetweenTurns({ turn, first, onNext }: { turn: number; first: RoleInfo | null; onNext(): void }) {
  const scenario = useClassroom((s) => s.scenario);
  const game = useClassroom((s) => s.game);
  const ref = useLanding<HTMLButtonElement>(`between-${turn}`);
  const last = game?.reports[game.reports.length - 1];
  return (
    <section class="panel last-turn" aria-labelledby="between-title" data-testid="between-turns">
      <h2 id="between-title">{last ? `Turn ${last.turn}: what happened (${last.date})` : `Turn ${turn} is over`}</h2>
      {/* The way on first: focusing it must not scroll the summary under the sticky header. */}
      <button type="button" class="primary" ref={ref} data-landing data-key="next-turn" onClick={onNext}>
        {first ? `Next turn: pass to ${teamName(first)}` : 'Next turn'}
      </button>
      {last && scenario && game && <ReportSummary scenario={scenario} report={last} after={game.view} />}
      {last?.events.map((e, i) => (
        <article key={`${e.id}-${i}`} class="event">
          <h3>{e.title}</h3>
          <p>{e.text}</p>
        </article>
      ))}
    </section>
  );
}

/** The team's own screen on its own store, with the way to hand the screen on. */
function TeamTurn({ role, link, room, onDone }: { role: RoleInfo; link: TeamLink; room: RoomPublic; onDone(): void }) {
  const welcomed = useSlice(link.classroom, (s) => s.welcomed);
  const reconnecting = useSlice(link.classroom, (s) => s.link === 'reconnecting');
  // Submitting hands over: the focus goes to "Done: hand over".
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (role.submitted) done.current?.focus();
  }, [role.submitted]);
  return (
    <div class="shared-team" data-testid="shared-team">
      <div class="handover-bar">
        <p>{`On the screen: ${teamCalled(role)}.${role.submitted ? ' Your answer is in: hand the screen on.' : ''}`}</p>
        <button type="button" class={role.submitted ? 'primary' : undefined} ref={done} data-key="hand-over" onClick={onDone}>
          {role.submitted ? 'Done: hand over' : 'Hand over without submitting'}
        </button>
        {room.stage === 'orders' && !role.submitted && <span class="summary">Your draft stays with the server until you come back.</span>}
      </div>
      <ClassroomContext.Provider value={link.classroom}>{welcomed ? <TeamScreen /> : <p>{reconnecting ? 'Connecting this team… the server does not answer yet: trying again.' : 'Connecting this team…'}</p>}</ClassroomContext.Provider>
    </div>
  );
}
