// Which classroom screen an address asks for. The game's own page stays the default: only
// these keys mount the classroom app instead (src/web/main.ts). A token may come in the
// query or in the fragment (a fragment never reaches a server's logs, so a facilitator may
// prefer to keep the secret there).

export type ClassroomRoute =
  /** The facilitator sets up a room (scenario, seed, timers) and creates it. */
  | { kind: 'setup' }
  /** The facilitator's console, by its secret. */
  | { kind: 'facilitate'; token: string }
  /** The room's public screen, by the room code. */
  | { kind: 'projector'; token: string }
  /** One shared screen playing for every team, passed between them (classes without devices), by the facilitator's secret. */
  | { kind: 'shared'; token: string }
  /** A team's screen, by its join code (null: the screen asks for the code). */
  | { kind: 'join'; token: string | null };

/** Tokens are short ids the server made; anything longer or odd is not looked at. */
const TOKEN = /^[A-Za-z0-9_-]{1,100}$/;

const tokenOf = (v: string | null): string | null => {
  const t = v?.trim() ?? '';
  return TOKEN.test(t) ? t : null;
};

export function classroomRoute(search: string, hash: string): ClassroomRoute | null {
  for (const raw of [search, hash]) {
    const q = new URLSearchParams(raw.replace(/^[?#]/, ''));
    if (q.has('facilitate')) {
      const token = tokenOf(q.get('facilitate'));
      return token === null ? { kind: 'setup' } : { kind: 'facilitate', token };
    }
    if (q.has('shared')) {
      const token = tokenOf(q.get('shared'));
      return token === null ? { kind: 'setup' } : { kind: 'shared', token };
    }
    if (q.has('projector')) {
      const token = tokenOf(q.get('projector'));
      return token === null ? { kind: 'join', token: null } : { kind: 'projector', token };
    }
    if (q.has('join')) return { kind: 'join', token: tokenOf(q.get('join')) };
    if (q.has('classroom')) return { kind: 'setup' };
  }
  return null;
}

/** The address of a classroom screen on this server. */
export function classroomLink(origin: string, kind: 'facilitate' | 'projector' | 'join' | 'shared', token: string): string {
  return `${origin}/?${kind}=${encodeURIComponent(token)}`;
}

/** The classroom server's socket, on the page's own host (the security policy allows only that). */
export function socketUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}
