// The classroom app: what src/web/main.ts mounts instead of the game when the address asks
// for a classroom screen (route.ts). The set-up needs no connection; every other screen
// opens one (connection.ts) into the classroom store, and the projector and a team's screen
// also keep a game store for the map and the play screen's panels (bridge.ts).
import { render } from 'preact';
import type { ComponentChildren } from 'preact';
import type { StoreApi } from 'zustand/vanilla';
import type { GameStoreState } from '../../store/gameStore';
import { createGameStore } from '../../store/gameStore';
import { inProcessPlayers } from '../../store/inProcessPlayers';
import { ActionErrors } from '../actionErrors';
import { keepFocus } from '../focus';
import { StoreContext } from '../storeHooks';
import type { ShippedScenarios } from '../scenarioListing';
import type { ClassroomState } from './classroomStore';
import { createClassroomStore } from './classroomStore';
import type { Connection } from './connection';
import { browserSocket, openConnection } from './connection';
import { bridge } from './bridge';
import { ConsoleScreen } from './console';
import { ClassroomContext, LinkBanner, useClassroom } from './parts';
import { ProjectorScreen } from './projector';
import type { ClassroomRoute } from './route';
import { socketUrl } from './route';
import { SetupScreen } from './setup';
import type { TeamLink } from './shared';
import { SharedScreen } from './shared';
import { CodeEntry, TeamScreen } from './team';

export interface ClassroomPage {
  panel: HTMLElement;
  /** The map's box (hidden on the screens without a map). */
  mapRoot: HTMLElement;
  shipped: ShippedScenarios;
  /** Starts the game's map scene on a game store, in `mapRoot`. */
  startMap(store: StoreApi<GameStoreState>): void;
}

const go = (url: string): void => window.location.assign(url);

export function mountClassroom(route: ClassroomRoute, page: ClassroomPage): void {
  const { panel } = page;
  const withMap = route.kind === 'projector' || route.kind === 'shared' || (route.kind === 'join' && route.token !== null);
  document.body.classList.add('classroom', `classroom-${route.kind}`);
  if (!withMap) document.body.classList.add('classroom-nomap');
  document.title = route.kind === 'setup' ? 'Run a class — New Great Game' : route.kind === 'facilitate' ? 'Console — New Great Game' : route.kind === 'projector' ? 'Projector — New Great Game' : route.kind === 'shared' ? 'Shared screen — New Great Game' : 'Your team — New Great Game';
  panel.replaceChildren();
  panel.setAttribute('aria-label', route.kind === 'projector' ? 'The room' : route.kind === 'facilitate' ? "Facilitator's console" : route.kind === 'shared' ? 'The shared screen' : 'Classroom');
  keepFocus(panel);
  // The projector's panel may be longer than the screen: focusable, so the keyboard can scroll it.
  if (route.kind === 'projector') panel.tabIndex = 0;
  if (route.kind === 'setup') return void render(<SetupScreen shipped={page.shipped} go={go} />, panel);
  const { token } = route;
  if (token === null) return void render(<CodeEntry go={go} />, panel);
  const transport: { conn: Connection | null } = { conn: null };
  const classroom = createClassroomStore({ send: (body) => transport.conn?.send(body) ?? null, resync: () => transport.conn?.reconnect() });
  const games = createGameStore(null, inProcessPlayers);
  // The shared screen bridges the game store to the team on the screen only (shared.tsx).
  if (withMap && route.kind !== 'shared') bridge(classroom, games);
  if (withMap) page.startMap(games);
  transport.conn = connect(token, classroom);
  window.addEventListener('pagehide', () => transport.conn?.close());
  const origin = window.location.origin;
  render(
    <Providers classroom={classroom} games={games}>
      <Shell kind={route.kind}>{route.kind === 'facilitate' ? <ConsoleScreen origin={origin} /> : route.kind === 'projector' ? <ProjectorScreen /> : route.kind === 'shared' ? <SharedScreen open={openTeam} games={games} /> : <TeamScreen />}</Shell>
    </Providers>,
    panel,
  );
}

/** A connection with `token` into the classroom store `into`. */
function connect(token: string, into: StoreApi<ClassroomState>): Connection {
  return openConnection({
    url: socketUrl(window.location),
    token,
    socket: browserSocket,
    clock: { now: () => Date.now(), setTimeout: (f, ms) => window.setTimeout(f, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    on: {
      status: (s, why) => into.getState().setLink(s, why),
      message: (m, now) => into.getState().receive(m, now),
    },
  });
}

/** The shared screen's connection for one team (its join code), with a store of its own, as a team's device has. */
function openTeam(code: string): TeamLink {
  const transport: { conn: Connection | null } = { conn: null };
  const classroom = createClassroomStore({ send: (body) => transport.conn?.send(body) ?? null, resync: () => transport.conn?.reconnect() });
  const conn = connect(code, classroom);
  transport.conn = conn;
  const close = (): void => conn.close();
  window.addEventListener('pagehide', close);
  return {
    classroom,
    close: () => {
      window.removeEventListener('pagehide', close);
      close();
    },
  };
}

function Providers({ classroom, games, children }: { classroom: StoreApi<ClassroomState>; games: StoreApi<GameStoreState>; children: ComponentChildren }) {
  return (
    <ClassroomContext.Provider value={classroom}>
      <StoreContext.Provider value={games}>
        <ActionErrors>{children}</ActionErrors>
      </StoreContext.Provider>
    </ClassroomContext.Provider>
  );
}

/** Before the welcome: connecting, or why the server will not let this device in. */
function Shell({ kind, children }: { kind: ClassroomRoute['kind']; children: ComponentChildren }) {
  const link = useClassroom((s) => s.link);
  const why = useClassroom((s) => s.deniedWhy);
  const welcomed = useClassroom((s) => s.welcomed);
  const you = useClassroom((s) => s.you);
  const room = useClassroom((s) => s.room);
  if (link === 'denied')
    return (
      <section class="panel denied" aria-labelledby="denied-title">
        <h1 id="denied-title" tabIndex={-1} data-landing>
          {kind === 'facilitate' || kind === 'shared' ? 'This console link does not open a room' : kind === 'projector' ? 'No room with this code' : 'This join code does not open a team'}
        </h1>
        <p>{`The server says: ${why ?? 'the code is not known'}. Check the link or the code with the facilitator.`}</p>
        {kind === 'join' && <CodeEntry go={go} />}
        <p>
          <a href="/">Back to the game</a>
        </p>
      </section>
    );
  if (!welcomed)
    return (
      <section class="panel" aria-labelledby="connecting-title">
        <h1 id="connecting-title">Connecting to the classroom…</h1>
        <p>{link === 'reconnecting' ? 'The classroom server does not answer yet: trying again. (It runs with `npm run serve`; a page served without it cannot join a class.)' : 'One moment.'}</p>
      </section>
    );
  // The room's code (the join link the server prints, the console's QR code) opens the room, not a team: each team has a code of its own.
  if (kind === 'join' && you?.kind !== 'team') return <CodeEntry go={go} room={room} />;
  return (
    <>
      <LinkBanner />
      {children}
    </>
  );
}
