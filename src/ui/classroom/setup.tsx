// The facilitator's set-up (`/?classroom`): a scenario (shipped, or a file of one's own), a
// seed if the class should replay a known game, the timers and what happens to a team that
// misses one; then the server makes the room and the page goes to the console, whose address
// carries the facilitator's secret.
import { useState } from 'preact/hooks';
import type { Scenario } from '../../engine';
import { MAX_SCENARIO_BYTES, formatProblem, loadScenarioText } from '../../engine';
import type { CreateRoom, CreatedRoom, RoomSettings } from '../../classroom/protocol';
import { DEFAULT_SETTINGS, RoomSettingsSchema } from '../../classroom/protocol';
import { STRENGTHS } from '../../store/gameStore';
import type { ShippedScenarios } from '../scenarioListing';
import { classroomLink } from './route';

/** What a failed POST /api/rooms means, for a facilitator who may have opened a static build. */
export function createFailure(status: number | null, body: string): string {
  const noServer = 'The classroom server is not running here: this page was served without it (a static build, or `npm start`). Start it with `npm run serve` on the computer the class connects to, then open the address it prints and add /?classroom.';
  if (status === null || status === 404 || status === 405 || status === 501) return noServer;
  const said = body.trim().slice(0, 300);
  return `The server could not make the room (${status})${said ? `: ${said}` : ''}.`;
}

/** Sends the room to the server; the created room, or why not in words. */
export async function createRoom(body: CreateRoom, fetcher: typeof fetch = fetch): Promise<{ ok: true; room: CreatedRoom } | { ok: false; reason: string }> {
  let res: Response;
  try {
    res = await fetcher('/api/rooms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, reason: createFailure(null, '') };
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) return { ok: false, reason: createFailure(res.status, text) };
  try {
    const json = JSON.parse(text) as Partial<CreatedRoom>;
    if (typeof json.code === 'string' && typeof json.facilitator === 'string') return { ok: true, room: { code: json.code, facilitator: json.facilitator } };
  } catch {
    // Said below.
  }
  return { ok: false, reason: createFailure(res.status === 200 ? 404 : res.status, '') };
}

/** The timers and the missing-orders policy, as fields (the set-up and the console share them). */
export function SettingsFields({ value, change, idPrefix }: { value: RoomSettings; change(next: RoomSettings): void; idPrefix: string }) {
  const id = (k: string): string => `${idPrefix}-${k}`;
  const secs = (raw: string): number => Math.max(0, Math.min(3600, Math.trunc(Number(raw) || 0)));
  const missing = value.missing;
  return (
    <fieldset class="settings">
      <legend>Timers</legend>
      <p class="field">
        <label for={id('orders')}>Seconds for the powers' orders (0: no timer)</label>
        <input type="number" id={id('orders')} min="0" max="3600" step="10" value={value.orderSeconds} onInput={(e) => change({ ...value, orderSeconds: secs(e.currentTarget.value) })} />
      </p>
      <p class="field">
        <label for={id('stances')}>Seconds for the republics' stances (0: no timer)</label>
        <input type="number" id={id('stances')} min="0" max="3600" step="10" value={value.stanceSeconds} onInput={(e) => change({ ...value, stanceSeconds: secs(e.currentTarget.value) })} />
      </p>
      {/* The room model's words (room.ts, powerComputer, missingOrders): under either choice an unsent draft counts; "a power gives no orders" was said of a pass that counts it. */}
      <fieldset class="missing">
        <legend>When time runs out and a team has not submitted</legend>
        <label>
          <input type="radio" name={id('missing')} checked={missing.kind === 'pass'} onChange={() => change({ ...value, missing: { kind: 'pass' } })} /> It passes (a power's unsent draft counts if it has one, else it gives no orders; a republic takes its usual stance)
        </label>
        <label>
          <input type="radio" name={id('missing')} checked={missing.kind === 'computer'} onChange={() => change({ ...value, missing: { kind: 'computer', player: 'greedy', graceSeconds: 30 } })} /> The computer fills in, after a grace period (a power's unsent draft still counts first)
        </label>
        {missing.kind === 'computer' && (
          <span class="grace">
            <label for={id('strength')}>Computer strength</label>{' '}
            <select id={id('strength')} value={missing.player} onChange={(e) => change({ ...value, missing: { ...missing, player: e.currentTarget.value } })}>
              {STRENGTHS.map(([v, words]) => (
                <option key={v} value={v}>
                  {words}
                </option>
              ))}
            </select>{' '}
            <label for={id('grace')}>Grace seconds</label>{' '}
            <input type="number" id={id('grace')} min="0" max="600" step="5" value={missing.graceSeconds} onInput={(e) => change({ ...value, missing: { ...missing, graceSeconds: Math.min(600, secs(e.currentTarget.value)) } })} />
          </span>
        )}
      </fieldset>
    </fieldset>
  );
}

export function SetupScreen({ shipped, go }: { shipped: ShippedScenarios; go(url: string): void }) {
  const [choice, setChoice] = useState<string>(shipped.listings.find((l) => l.id === 'classroom-short')?.id ?? shipped.listings[0]?.id ?? '');
  const [own, setOwn] = useState<Scenario | null>(null);
  const [seed, setSeed] = useState('');
  const [settings, setSettings] = useState<RoomSettings>(DEFAULT_SETTINGS);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const listing = choice === 'own' ? null : shipped.listings.find((l) => l.id === choice);
  const opened = (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    if (f.size > MAX_SCENARIO_BYTES) return setProblem(`${f.name} is ${f.size} bytes: a scenario may have at most ${MAX_SCENARIO_BYTES}.`);
    void f.text().then(
      (text) => {
        const r = loadScenarioText(text);
        if (!r.ok) return setProblem(`${f.name} is not a scenario this game can play: ${r.error.map((p) => formatProblem(f.name, p)).join('; ')}`);
        setOwn(r.value);
        setChoice('own');
        setProblem(null);
      },
      () => setProblem(`${f.name} could not be read.`),
    );
  };
  const create = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (working) return;
    const checked = RoomSettingsSchema.safeParse(settings);
    if (!checked.success) return setProblem(`The timers are not right: ${checked.error.issues[0]?.message ?? 'check them'}.`);
    const scenario = choice === 'own' && own ? { file: own } : { shipped: choice };
    setWorking(true);
    setProblem(null);
    const r = await createRoom({ scenario, ...(seed.trim() ? { seed: seed.trim() } : {}), settings: checked.data });
    setWorking(false);
    if (!r.ok) return setProblem(r.reason);
    go(classroomLink('', 'facilitate', r.room.facilitator));
  };
  return (
    <form class="classroom-setup" aria-labelledby="setup-title" onSubmit={(e) => void create(e)}>
      <h1 id="setup-title">Run a class</h1>
      <p>Set up a classroom game: teams play the powers and republics from their own phones or laptops, a projector shows the map, and you run the clock from the console.</p>
      <label for="class-scenario">Scenario</label>
      <select id="class-scenario" data-landing value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
        {shipped.listings.map((l) => (
          <option key={l.id} value={l.id}>
            {`${l.title} (${l.turns} turns)`}
          </option>
        ))}
        {own && <option value="own">{`${own.title} (your file)`}</option>}
      </select>
      <p class="summary">{listing ? listing.summary : own ? own.summary : ''}</p>
      <label for="class-file">Or open a scenario file</label>
      <input type="file" id="class-file" accept="application/json,.json" onChange={opened} />
      <label for="class-seed">Seed (optional: the same seed and orders give the same game)</label>
      <input type="text" id="class-seed" class="wide" maxLength={200} value={seed} onInput={(e) => setSeed(e.currentTarget.value)} />
      <SettingsFields value={settings} change={setSettings} idPrefix="setup" />
      <p>Next you seat a team or the computer at each role, hand out the join codes and start.</p>
      <button type="submit" class="primary" data-key="create-room" aria-disabled={working ? 'true' : undefined} aria-describedby={problem ? 'setup-problem' : undefined}>
        {working ? 'Making the room…' : 'Create the room'}
      </button>
      {problem && (
        <p class="message error beside" id="setup-problem" role="alert">
          {problem}
        </p>
      )}
      <p>
        <a href="/">Back to the game</a>
      </p>
    </form>
  );
}
