// Printable join cards (issue 12: "each team a join code"): one card per role a team plays,
// cut from A4 sheets, for the facilitator to hand out. A card carries the team's name (as
// renamed in the console), the address to open, the team's join code in large type and a QR
// code of the team's own join link; and, unless the cards are anonymous, the role's name and
// its briefing. Anonymity is the facilitator's choice on this screen; it starts on when a team
// was renamed (a class renames teams, "Team 3", so that others do not learn who plays whom).
// The facilitator's secret is never given to this module: a card is made from the room's
// public state and the teams' join codes only.
import { useEffect, useState } from 'preact/hooks';
import type { RoomPublic } from '../../classroom/protocol';
import type { Scenario } from '../../engine';
import { QrCode } from './parts';
import { classroomLink } from './route';

export interface JoinCard {
  role: string;
  /** The team's name as seated (renamed or the role's own). */
  team: string;
  /** The role's name (a power's, a country's), or null on an anonymous card. */
  roleName: string | null;
  /** What a student types into the address bar: the join page, which asks for the code. */
  address: string;
  code: string;
  /** The team's own join link (the QR code's text): opens the team's screen directly. */
  link: string;
  /** The role's briefing, or null on an anonymous card or when the scenario has none for it. */
  briefing: { title: string; text: string } | null;
}

/** Whether the cards start anonymous: some team has a name other than its role's. */
export const renamedTeams = (room: RoomPublic): boolean => room.roles.some((r) => r.seat.kind === 'team' && r.seat.name !== r.name);

/** One card per role played by a team, in the room's order; a role with no join code gets none. */
export function joinCards(room: RoomPublic, scenario: Scenario, teamCodes: readonly { role: string; code: string }[], origin: string, anonymous: boolean): JoinCard[] {
  const codeOf = new Map(teamCodes.map((t) => [t.role, t.code]));
  const briefingOf = new Map(scenario.briefings.map((b) => [b.role, b]));
  const cards: JoinCard[] = [];
  for (const r of room.roles) {
    const code = codeOf.get(r.role);
    if (r.seat.kind !== 'team' || code === undefined) continue;
    const b = anonymous ? undefined : briefingOf.get(r.role);
    cards.push({
      role: r.role,
      team: r.seat.name ?? r.name,
      roleName: anonymous ? null : r.name,
      address: `${origin}/?join`,
      code,
      link: classroomLink(origin, 'join', code),
      briefing: b ? { title: b.title, text: b.text } : null,
    });
  }
  return cards;
}

/** Cards on one A4 sheet: four quarters, or two halves when the briefing is on the card. */
export const cardsPerPage = (cards: readonly JoinCard[]): number => (cards.some((c) => c.briefing !== null) ? 2 : 4);

export function pagesOf<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages;
}

const onLoopback = (origin: string): boolean => /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(origin);

/** The cards as they print (a preview on screen), with the choice of anonymity, Print and the way back. */
export function JoinCardsScreen({ room, scenario, teamCodes, origin, onClose }: { room: RoomPublic; scenario: Scenario; teamCodes: readonly { role: string; code: string }[]; origin: string; onClose(): void }) {
  const [anonymous, setAnonymous] = useState(() => renamedTeams(room));
  const cards = joinCards(room, scenario, teamCodes, origin, anonymous);
  const perPage = cardsPerPage(cards);
  const pages = pagesOf(cards, perPage);
  // A team still called by its role's name gives the role away on an anonymous card.
  const telling = anonymous ? room.roles.filter((r) => r.seat.kind === 'team' && r.seat.name === r.name) : [];
  useEffect(() => {
    document.getElementById('cards-title')?.focus();
    // The print stylesheet lays out only the cards while this screen is on (index.html).
    document.body.classList.add('printing-cards');
    return () => document.body.classList.remove('printing-cards');
  }, []);
  // The page's address holds the facilitator's secret, and browsers print the address in the page
  // footer: while printing, the address bar shows the console without it.
  const print = (): void => {
    const was = window.location.href;
    history.replaceState(history.state, '', `${window.location.pathname}?facilitate`);
    const back = (): void => {
      history.replaceState(history.state, '', was);
      window.removeEventListener('afterprint', back);
    };
    window.addEventListener('afterprint', back);
    window.print();
  };
  return (
    <div class="join-cards-screen">
      <section class="panel no-print" aria-labelledby="cards-title">
        <h1 id="cards-title" tabIndex={-1}>{`Join cards: ${cards.length} team${cards.length === 1 ? '' : 's'}, ${pages.length} A4 page${pages.length === 1 ? '' : 's'}`}</h1>
        <p>One card per team, {perPage} to a page; cut along the dashed lines and give each team its own card, privately. A card shows no link to this console.</p>
        <p class="field">
          <label>
            <input type="checkbox" checked={anonymous} data-key="cards-anonymous" onChange={(e) => setAnonymous(e.currentTarget.checked)} />
            {' Anonymous cards: no role names and no briefings (a team learns its role on its own screen)'}
          </label>
        </p>
        {telling.length > 0 && (
          <p class="warning" role="note" data-testid="cards-telling">
            {`Still named after their role, so their cards say who they play: ${telling.map((r) => r.name).join(', ')}. Rename them in the console to keep the cards anonymous.`}
          </p>
        )}
        {onLoopback(origin) && (
          <p class="warning" role="note">
            {`The cards give this page's address, ${origin}, which only this computer opens. Open the console at the address the server printed for the network (http://<this computer's address>:<port>) before printing.`}
          </p>
        )}
        {cards.length === 0 && <p>No role is played by a team: seat a team first.</p>}
        <p class="buttons">
          <button type="button" class="primary" data-key="print-cards" disabled={cards.length === 0} onClick={print}>
            Print the cards
          </button>{' '}
          <button type="button" data-key="close-cards" onClick={onClose}>
            Back to the console
          </button>
        </p>
      </section>
      <div class="join-cards" data-testid="join-cards">
        {pages.map((page, i) => (
          <section class={`card-page per-${perPage}`} key={i} aria-label={`Page ${i + 1} of ${pages.length}`}>
            {page.map((c) => (
              <Card key={c.role} card={c} title={room.title} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

function Card({ card: c, title }: { card: JoinCard; title: string }) {
  return (
    <article class="join-card" data-testid="join-card" data-role={c.role}>
      <div class="card-join">
        <p class="card-scenario">{title}</p>
        <h2 class="card-team">{c.team}</h2>
        {c.roleName !== null && c.roleName !== c.team && <p class="card-role">{`You play ${c.roleName}`}</p>}
        <p class="card-address">
          {'Open '}
          <strong>{c.address}</strong>
          {' and type your code, or scan the QR code:'}
        </p>
        <p class="card-code" aria-label={`Join code ${c.code.split('').join(' ')}`}>
          {c.code}
        </p>
        <QrCode text={c.link} label={`QR code of ${c.team}'s join link`} size={150} />
      </div>
      {c.briefing && (
        <div class="card-briefing">
          <h3>{c.briefing.title}</h3>
          {c.briefing.text.split(/\n+/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
      )}
    </article>
  );
}
