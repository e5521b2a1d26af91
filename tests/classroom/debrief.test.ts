// The class's debrief from a room's record: who decided each turn (team, draft, computer,
// rule of thumb), the messages, injects and events of each turn, and a printable page that
// escapes whatever students typed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRoom } from '../../src/classroom/room';
import type { RoomState } from '../../src/classroom/room';
import { classDebrief } from '../../src/classroom/classDebrief';
import { debriefPage, escapeHtml } from '../../src/classroom/debriefPage';
import { viewFor } from '../../src/engine';
import { greedyPlayer } from '../../src/ai/greedy';
import { loadShipped } from '../engine/helpers';
import { cli } from '../cli/run';
import { FAC, RoomDriver, classroomRoom, team } from './roomDriver';

const scenario = loadShipped('classroom-short');
const [BEIJING, MOSCOW] = scenario.powers.map((p) => p.id) as [string, string];
const greedy = (room: RoomState, p: string) => greedyPlayer().decide(scenario, viewFor(scenario, room.record.state, p));

function play(): RoomState {
  const d = new RoomDriver(classroomRoom(scenario, 0, { code: 'DEBR1', facilitator: 'f'.repeat(24), teamCodes: [], seed: 'debrief', settings: { orderSeconds: 60, stanceSeconds: 30, missing: { kind: 'pass' } } }));
  d.send(FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Team <3>' } });
  d.send(FAC, { t: 'seat', role: MOSCOW, seat: { kind: 'computer', player: 'greedy' } });
  d.send(FAC, { t: 'start' });
  // Turn 1: Beijing submits, Uzbekistan leans to Beijing; a message and an inject.
  d.send(team(BEIJING), { t: 'say', to: { kind: 'team', role: 'uzbekistan' }, text: '<script>alert(1)</script> A railway?' });
  d.send(FAC, { t: 'inject-event', event: scenario.events.find((e) => !e.repeatable)!.id });
  d.send(team(BEIJING), { t: 'submit', orders: greedy(d.room, BEIJING) });
  d.send(team('uzbekistan'), { t: 'stance', choice: { kind: 'lean', power: BEIJING } });
  // Turn 2: Beijing only drafts; the timer runs out, then the stance timer too.
  d.send(team(BEIJING), { t: 'draft', orders: greedy(d.room, BEIJING) });
  d.wait(60_000);
  d.wait(30_000);
  return d.room;
}

describe('the class debrief', () => {
  const room = play();
  const made = classDebrief(exportRoom(room));
  if (!made.ok) throw new Error(made.error);
  const d = made.value;

  it('says who decided each turn', () => {
    expect(d.turns).toHaveLength(2);
    const by = (turn: number, role: string) => d.turns[turn - 1]?.decisions.find((x) => x.role === role)?.decidedBy;
    expect([by(1, BEIJING), by(1, MOSCOW), by(1, 'uzbekistan'), by(1, 'kazakhstan')]).toEqual(['team', 'computer', 'team', 'rule']);
    // Uzbekistan's team let the stance timer run out: the rule of thumb chose for it, not the team.
    expect([by(2, BEIJING), by(2, 'uzbekistan'), by(2, 'kazakhstan')]).toEqual(['draft', 'late', 'rule']);
    expect(d.turns[0]?.decisions.find((x) => x.role === 'uzbekistan')?.lines).toEqual([`Uzbekistan leans to ${scenario.powers[0]!.name}`]);
    expect(d.turns[0]?.decisions.find((x) => x.role === BEIJING)?.lines.length).toBeGreaterThan(0);
  });

  it('keeps each turn’s messages, injects and events with what really happened', () => {
    // Beijing's team kept its role's name: called once, not "Beijing (Beijing)".
    expect(d.turns[0]?.messages).toEqual([{ from: scenario.powers[0]!.name, to: 'Uzbekistan', text: '<script>alert(1)</script> A railway?' }]);
    expect(d.turns[0]?.news.map((n) => n.kind)).toEqual(['event']);
    // Read after the turn too: it names its turn, not "this turn".
    expect(d.turns[0]?.news[0]?.text).toMatch(/ — it happened as turn 1 resolved\.$/);
    const injected = d.turns[0]?.events.find((e) => e.injected);
    expect(injected?.basis).toMatch(/\(.+, .+: “.+”\)$|^An assumption, not reported/);
    expect(d.points.get(BEIJING)).toHaveLength(3);
  });

  it('prints as one page that escapes what students typed', () => {
    const page = debriefPage(d);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain(escapeHtml('<script>alert(1)</script> A railway?'));
    expect(page).toContain('Team &lt;3&gt;');
    // Each decision names the role first, then who sat in it: a grader reads by role.
    expect(page).toContain('<li><strong>Uzbekistan</strong> (Team &lt;3&gt;): Uzbekistan leans to');
    expect(page).toContain(`<li><strong>${escapeHtml(scenario.powers[1]!.name)}</strong> (computer, greedy): `);
    expect(page).toContain('<li><strong>Kazakhstan</strong> (the rule of thumb): Kazakhstan ');
    expect(page).toContain('not submitted: its draft was taken');
    // A grader reading "Uzbekistan (Team <3>): Uzbekistan plays…" for turn 2 would credit the team with a stance it never chose.
    expect(page).toContain('<li><strong>Uzbekistan</strong> (Team &lt;3&gt;) — missed the deadline: the rule of thumb took its stance: Uzbekistan ');
    expect(page).toContain('(fired by the facilitator)');
  });

  it('says the computer filled in for a team that missed the deadline, not that the team gave those orders', () => {
    // The policy is the computer's after a grace period; Moscow's team drafts but never submits.
    const d = new RoomDriver(classroomRoom(scenario, 0, { code: 'DEBR2', facilitator: 'f'.repeat(24), teamCodes: [], seed: 'filled', settings: { orderSeconds: 60, stanceSeconds: 30, missing: { kind: 'computer', player: 'greedy', graceSeconds: 10 } } }));
    const room = d.room;
    d.send(FAC, { t: 'seat', role: MOSCOW, seat: { kind: 'team', name: 'Team 2' } });
    d.send(FAC, { t: 'start' });
    d.send(team(BEIJING), { t: 'submit', orders: greedy(room, BEIJING) });
    d.send(team(MOSCOW), { t: 'draft', orders: [] });
    d.wait(60_000);
    d.wait(11_000);
    const made = classDebrief(exportRoom(room));
    if (!made.ok) throw new Error(made.error);
    const moscow = made.value.turns[0]?.decisions.find((x) => x.role === MOSCOW);
    expect(moscow?.decidedBy).toBe('filled');
    expect(moscow?.lines.length).toBeGreaterThan(0);
    const page = debriefPage(made.value);
    expect(page).toContain(`<li><strong>${escapeHtml(scenario.powers[1]!.name)}</strong> (Team 2) — missed the deadline: the computer filled in: `);
    expect(page).not.toContain('gave no orders in time');
  });

  it('refuses a record whose log does not give its game', () => {
    const x = exportRoom(room);
    x.log = x.log.filter((e) => e.k !== 'submit');
    expect(classDebrief(x)).toEqual({ ok: false, error: "the room's log does not replay to the state its game ends in" });
    const broken = { ...exportRoom(room), log: [{ at: 0, k: 'close-orders' }] } as unknown as ReturnType<typeof exportRoom>;
    expect(classDebrief(broken)).toMatchObject({ ok: false, error: expect.stringContaining("the room's log cannot be replayed") as unknown });
  });

  it('is written by the command line from an exported record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngg-debrief-'));
    const file = join(dir, 'room.json');
    writeFileSync(file, JSON.stringify(exportRoom(room)));
    const r = cli(['debrief', file, '--out', join(dir, 'debrief.html')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('debrief of room "DEBR1" (2 turns) written to');
    expect(readFileSync(join(dir, 'debrief.html'), 'utf8')).toContain('<h1>');
    const wrong = cli(['debrief', 'scenarios/classroom-short.json']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("not a classroom room's record (a scenario)");
  });
});
