// The projector (`/?projector=<code>`): the map (the game's own map scene, beside this panel)
// and, large enough to read across a room, the turn and date, the countdown, who has
// submitted, the last turn in brief with its events, and the news. Only what every device
// may see: the server sends the projector the public board.
import type { CountrySummary, Scenario, StateLike, TurnReport, TurnSummary } from '../../engine';
import { own, pointsText, summarizeTurn, turnDate } from '../../engine';
import { Countdown, GameOutcome, NewsList, QrCode, TeamSubmissions, stageWords, useClassroom } from './parts';
import { classroomLink } from './route';

const powerName = (s: Pick<Scenario, 'powers'>, id: string): string => s.powers.find((p) => p.id === id)?.name ?? id;

const signed = (n: number): string => (n > 0 ? `+${n}` : `−${-n}`);

/** The table's "Holds" cell: who holds the country after the turn. */
export function holdsText(s: Pick<Scenario, 'powers'>, c: Pick<CountrySummary, 'controller' | 'leader'>): string {
  const holder = c.controller ?? c.leader;
  return holder === null ? 'nobody' : `${powerName(s, holder)} ${c.controller !== null ? 'controls' : 'leads'}`;
}

/**
 * The line above the table: each power's points this turn, with their unit ("Moscow +3
 * points"). The table once said "(+1)" after a country's holder, which read as the leader's
 * margin, what the map writes as "Moscow +2" (issue 12's teacher playtest). Points are told
 * here only: the holder is who scored in a country, and a column of points in words, or a
 * list of where they came from, wrapped the table off a 1080-px projector.
 */
export function pointsLine(s: Pick<Scenario, 'powers'>, sum: Pick<TurnSummary, 'powers'>): string {
  return sum.powers
    .map((p) => {
      const gained = p.points.to - p.points.from;
      return `${powerName(s, p.power)} ${gained >= 0 ? '+' : '−'}${pointsText(Math.abs(gained))}`;
    })
    .join(' · ');
}

/**
 * The last turn at a glance, read from the back of a room: one row per country with each
 * power's influence after the turn (and its change), and who holds it. A table, not the
 * play screen's sentences, so that five countries and the events fit one 1080-px screen.
 */
function TurnTable({ scenario: s, report, after }: { scenario: Scenario; report: TurnReport; after: StateLike }) {
  const sum = summarizeTurn(s, report, after);
  return (
    <div data-testid="report-summary">
      <p class="points-line">{pointsLine(s, sum)}</p>
      <table class="turn-table" data-testid="turn-table">
        <caption class="sr-only">{`Influence after turn ${report.turn}, its change, and who holds each country`}</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            {s.powers.map((p) => (
              <th scope="col" key={p.id}>
                {p.name}
              </th>
            ))}
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {sum.countries.map((c) => {
            return (
              <tr key={c.country}>
                <th scope="row">{c.name}</th>
                {s.powers.map((p) => {
                  const moved = c.influence.find((n) => n.power === p.id);
                  return (
                    <td key={p.id}>
                      {String(own(own(after.countries, c.country)?.influence, p.id) ?? 0)}
                      {moved && <span class="delta">{` ${signed(moved.to - moved.from)}`}</span>}
                    </td>
                  );
                })}
                <td>{holdsText(s, c)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Before the start, the way in: the room's join link (it asks each team for its own code) as a QR code. */
function JoinHere({ code }: { code: string }) {
  const link = classroomLink(window.location.origin, 'join', code);
  return (
    <section class="panel join-here" aria-labelledby="join-title">
      <h2 id="join-title">Join</h2>
      <p>Scan the code, or open this address and type your team's code:</p>
      {/* The address on one line, whole: a break in its middle reads as two addresses from the back of a room. Its size is cut to the panel's width (a monospace letter is about 0.6 em wide) only when it would not fit. */}
      <p class="join-link-line">
        <code class="join-link" data-testid="join-link" style={`font-size: min(1em, ${(100 / (0.62 * link.length)).toFixed(2)}cqi)`}>
          {link}
        </code>
      </p>
      <QrCode text={link} label={`QR code of ${link}`} size={320} />
    </section>
  );
}

export function ProjectorScreen() {
  const room = useClassroom((s) => s.room);
  const scenario = useClassroom((s) => s.scenario);
  const game = useClassroom((s) => s.game);
  if (!room || !scenario) return null;
  const st = game?.view;
  const last = game?.reports[game.reports.length - 1];
  const date = turnDate(scenario.start, scenario.monthsPerTurn, room.turn);
  return (
    <div class="projector-panel">
      <header class="status">
        <h1>{room.title}</h1>
        <p class="turn-line" data-testid="turn-line">
          {room.phase === 'lobby' ? `Room ${room.code}: the game starts soon` : room.phase === 'ended' ? 'Game over' : `Turn ${room.turn} of ${st?.lastTurn ?? scenario.turns} · ${date}`}
        </p>
        {room.phase === 'playing' && <p class="stage">{`Now: ${stageWords(room)}`}</p>}
        {st && (
          <ul class="scores" aria-label="Victory points">
            {scenario.powers.map((p) => (
              <li key={p.id}>
                <span class="swatch" style={`background:${p.color}`} />
                {`${p.name} ${pointsText(own(st.powers, p.id)?.points ?? 0)}`}
              </li>
            ))}
          </ul>
        )}
      </header>
      <Countdown room={room} big />
      <GameOutcome />
      {/* The whole class reads this screen: roles by their own names, never which team plays them (seats.ts, TeamNames). */}
      <TeamSubmissions room={room} id="who-title" names="role-names" />
      {room.phase === 'lobby' && <JoinHere code={room.code} />}
      {room.phase === 'lobby' && (
        <section class="panel" aria-labelledby="teams-title">
          <h2 id="teams-title">Teams</h2>
          <ul class="submitted">
            {room.roles.map((r) => (
              <li key={r.role}>{`${r.name}: ${r.seat.kind === 'team' ? (r.connected > 0 ? 'joined' : 'not joined yet') : 'the computer'}`}</li>
            ))}
          </ul>
        </section>
      )}
      {/* The facilitator's injects before the last turn: a news item sent now is what the room must read, and below the turn's table it fell off a 1080-px screen. */}
      <NewsList room={room} limit={2} />
      {last && st && (
        <section class="panel last-turn" aria-labelledby="last-title" data-testid="last-turn">
          <h2 id="last-title">{`Turn ${last.turn}: what happened (${last.date})`}</h2>
          <TurnTable scenario={scenario} report={last} after={st} />
          {last.events.map((e, i) => (
            <article key={`${e.id}-${i}`} class="event">
              <h3>{e.title}</h3>
              <p>{e.text}</p>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
