// The balance check on the start screen: many computer games in a Web Worker, with a
// progress bar, a cancel button and the results as text and bars.
import type { BalanceReport } from '../ai/balance';
import type { MatchupStats } from '../ai/reportSummary';
// From the light module only: the balance players run in a worker (src/workers/balanceWorker.ts).
import { LEAD_SHARE, LOCK_BOTH, LOCK_ONE, NO_LEADER } from '../ai/reportMetrics';
import type { Scenario } from '../engine';
import { idRecord, own } from '../engine';
import type { BalanceMessage, BalanceRequest } from '../workers/balanceWorker';
import { button, h } from './dom';

/**
 * `prefix` keeps element ids apart when the editor has its own panel. `getScenario` may
 * fetch it first (a shipped scenario not loaded yet); undefined when there is none to check.
 */
export function balancePanel(getScenario: () => Scenario | undefined | Promise<Scenario | undefined>, prefix = 'balance'): HTMLElement {
  const section = h('section', { class: 'panel balance', 'aria-labelledby': `${prefix}-title` });
  const games = h('input', { id: `${prefix}-games`, type: 'number', min: '1', max: '2000', value: '100' });
  const seed = h('input', { id: `${prefix}-seed`, type: 'text', value: 'check', maxlength: '40' });
  const progress = h('progress', { max: '1', value: '0', 'aria-label': 'Balance check progress' });
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'balance-results' });
  let worker: Worker | null = null;
  const stop = (): void => {
    worker?.terminate();
    worker = null;
    run.disabled = false;
    cancel.disabled = true;
  };
  const run = button('Run balance check', async () => {
    const scenario = await getScenario();
    const n = Math.min(2000, Math.max(1, Math.floor(Number(games.value) || 0)));
    if (!scenario) {
      status.textContent = 'There is no valid scenario to check: fix its problems first.';
      return;
    }
    stop();
    results.replaceChildren();
    run.disabled = true;
    cancel.disabled = false;
    status.textContent = `Playing ${n} computer games…`;
    worker = new Worker(new URL('../workers/balanceWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<BalanceMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') {
        progress.max = m.total;
        progress.value = m.done;
        status.textContent = `${m.done} of ${m.total} games played`;
      } else if (m.kind === 'done') {
        status.textContent = `Done: ${m.report.games} games, seed "${m.report.seed}".`;
        results.replaceChildren(...reportView(scenario, m.report), ...designView(scenario, m.design));
        stop();
      } else {
        status.textContent = `The balance check failed: ${m.message}`;
        stop();
      }
    };
    const request: BalanceRequest = { scenario, seed: seed.value || 'check', games: n, players: idRecord(scenario.powers.map((p) => [p.id, 'varied'])) };
    worker.postMessage(request);
  }, { 'data-key': `${prefix}-run` });
  const cancel = button('Cancel', () => {
    stop();
    status.textContent = 'Cancelled.';
  }, { 'data-key': `${prefix}-cancel`, disabled: true });
  section.append(
    h('h2', { id: `${prefix}-title` }, 'Balance check'),
    h('p', { class: 'summary' }, 'Plays computer against computer (rule of thumb with variety) on the chosen scenario: the same numbers as `npm run cli -- balance` for the same seed.'),
    h('label', { for: `${prefix}-games` }, 'Games '),
    games,
    h('label', { for: `${prefix}-seed` }, ' Seed '),
    seed,
    h('p', {}, run, cancel),
    progress,
    status,
    results,
  );
  return section;
}

function bar(label: string, share: number, color: string): HTMLElement {
  const pct = Math.round(share * 1000) / 10;
  return h('div', { class: 'bar-row' }, h('span', { class: 'bar-label' }, `${label} ${pct}%`), h('span', { class: 'bar', style: `width:${Math.max(1, pct)}%;background:${color}` }));
}

function reportView(s: Scenario, r: BalanceReport): HTMLElement[] {
  const color = (id: string): string => s.powers.find((p) => p.id === id)?.color ?? '#8795a3';
  const name = (id: string): string => s.powers.find((p) => p.id === id)?.name ?? (id === NO_LEADER ? 'no leader' : id);
  const out: HTMLElement[] = [h('h3', {}, 'Win rates')];
  // The report crossed postMessage (a structured clone, prototypes back): read it with own().
  for (const p of s.powers) out.push(bar(p.name, own(r.winRate, p.id) ?? 0, color(p.id)));
  out.push(bar('Draws', r.draws / Math.max(1, r.games), '#8795a3'));
  const scores = s.powers.map((p) => {
    const score = own(r.scores, p.id);
    return h('li', {}, `${p.name}: mean ${score?.mean ?? 0}, from ${score?.min ?? 0} to ${score?.max ?? 0}`);
  });
  out.push(h('h3', {}, 'Scores'), h('ul', {}, ...scores));
  out.push(h('h3', {}, 'Who leads each country at the end'));
  for (const [country, row] of Object.entries(r.countries)) {
    out.push(h('h4', {}, s.countries.find((c) => c.id === country)?.name ?? country));
    for (const [who, share] of Object.entries(row)) out.push(bar(name(who), share, color(who)));
  }
  return out;
}

/** The design report's quick measures (`balance --report`, varied vs varied: the same numbers for the same seed and games). */
function designView(s: Scenario, d: MatchupStats): HTMLElement[] {
  const color = (id: string): string => s.powers.find((p) => p.id === id)?.color ?? '#8795a3';
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const out: HTMLElement[] = [h('h3', {}, 'Design measures')];
  out.push(
    h(
      'ul',
      {},
      h('li', {}, `Turns with a locked country: ${pct(d.lockedShare)} (one power at ${LOCK_ONE}+ influence, or two at ${LOCK_BOTH}+)`),
      h('li', {}, `Leader changes per game: ${d.leaderChangesPerGame}`),
      ...d.pointsLeader.map((m) => h('li', {}, `The points leader after turn ${m.turn} (${m.share * 100}% of the game) wins ${pct(m.winRate)} of ${m.games} games`)),
    ),
  );
  out.push(h('h3', {}, `Who led each country (the leader in at least ${LEAD_SHARE * 100}% of a game's turns)`));
  for (const [country, row] of Object.entries(d.countryLeads)) {
    out.push(h('h4', {}, s.countries.find((c) => c.id === country)?.name ?? country));
    for (const p of s.powers) out.push(bar(p.name, own(row, p.id) ?? 0, color(p.id)));
  }
  return out;
}
