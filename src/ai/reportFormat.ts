// The design report as Markdown tables: readable in a terminal and rendered on a
// forge. Pure; the CLI and scripts/design-report.ts print what this returns.
import { own } from '../engine';
import type { DesignReport, MatchupStats } from './reportSummary';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pp = (x: number | null): string => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);
const row = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;
const header = (cells: readonly string[]): string[] => [row(cells), row(cells.map(() => '---'))];
/** Table cells must not break the table: a "|" from a title is escaped. */
const cell = (s: string): string => s.replace(/\|/g, '\\|');

function matchupRows(r: DesignReport, m: MatchupStats): string {
  return row([m.players, m.games, ...r.powers.map((p) => pct(own(m.winRate, p) ?? 0)), pct(m.draws), pct(m.lockedShare), m.leaderChangesPerGame.toFixed(2), ...m.pointsLeader.map((x) => `${pct(x.winRate)} (t${x.turn}, n=${x.games})`)]);
}

export function formatReport(r: DesignReport): string[] {
  const out: string[] = [];
  out.push(`## ${cell(r.title)} (\`${r.scenario}\`), seed "${cell(r.seed)}"`, '');
  out.push(`Locked turn: some contested country where one power holds ≥ ${r.definitions.lockOne} influence or two powers both hold ≥ ${r.definitions.lockBoth}. A leader change: a country's standing leader differs from its last non-null one. "Led": the standing leader in at least ${r.definitions.leadShare * 100}% of the turns of a game. Points leader: the single power with most points at that turn (t); its win rate over the n games that had one.`, '');
  out.push(...header(['players', 'games', ...r.powers.map((p) => `${p} wins`), 'draws', 'locked turns', 'leader changes/game', 'points leader wins @25%', '@50%', '@75%']));
  out.push(matchupRows(r, r.varied), matchupRows(r, r.search), '');
  out.push('Share of games each power led each contested country:', '');
  out.push(...header(['country', ...r.powers.flatMap((p) => [`${p} (varied)`, `${p} (search)`])]));
  for (const c of Object.keys(r.varied.countryLeads)) out.push(row([c, ...r.powers.flatMap((p) => [pct(own(own(r.varied.countryLeads, c), p) ?? 0), pct(own(own(r.search.countryLeads, c), p) ?? 0)])]));
  out.push('', 'Order kinds (share of each power\'s orders):', '');
  const kinds = Object.keys(own(r.varied.orderShares, r.powers[0] ?? '') ?? {});
  out.push(...header(['power', ...kinds.flatMap((k) => [`${k} (varied)`, `${k} (search)`])]));
  for (const p of r.powers) out.push(row([p, ...kinds.flatMap((k) => [pct(own(own(r.varied.orderShares, p), k) ?? 0), pct(own(own(r.search.orderShares, p), k) ?? 0)])]));
  const first = r.powers[0] ?? '';
  out.push('', `Events: ${first}'s win rate (varied vs varied) with the event and without it over the same seeds; effect in points = with − without.`, '');
  out.push(...header(['event', 'games', 'with', 'without', 'effect (pp)', 'note']));
  for (const e of r.events) out.push(row([`${cell(e.title)} (\`${e.event}\`)`, e.games, pct(e.withRate), e.skipped ? '—' : pct(e.withoutRate), pp(e.effect), cell(e.skipped ?? (e.alsoRemoved.length > 0 ? `also removed (cannot fire without it): ${e.alsoRemoved.join(', ')}` : ''))]));
  out.push('', "Projects forced on turn 1: the sponsor's win rate (varied vs varied) when it must start the project on turn 1, against the same seeds without; effect in points.", '');
  out.push(...header(['project', 'sponsor', 'games', 'baseline', 'forced', 'effect (pp)', 'note']));
  for (const p of r.projects) out.push(row([`${cell(p.name)} (\`${p.project}\`)`, p.sponsor, p.games, p.skipped ? '—' : pct(p.baseRate), p.skipped ? '—' : pct(p.forcedRate), pp(p.effect), cell(p.skipped ? `skipped: ${p.skipped}` : '')]));
  out.push('', 'Fixed order scripts against search:2 (the script plays one side, search:2 every other):', '');
  out.push(...header(['script', 'side', 'games', 'script wins', 'draws']));
  for (const s of r.scripts) out.push(row([`\`${s.script}\``, s.side, s.games, pct(s.winRate), pct(s.draws)]));
  return out;
}
