// The class's debrief as one printable HTML page (a string: no DOM here), for the
// facilitator to print or hand out and to grade from. Every text from data is escaped; the
// charts are inline SVG with their numbers also in words, so nothing is told by colour
// alone and the page prints in black and white.
import type { ClassDebrief, DebriefTurn, DecidedBy, UnplayedTurn } from './classDebrief';
import { pointsText } from '../engine';

const ESCAPES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES.get(c) ?? c);

// After the role and who sat in it ("Moscow (Team 2)", "Kazakhstan (computer, greedy)"): a
// seat the computer or the rule of thumb holds says so in its name, so only a team's miss needs words.
const BY: ReadonlyMap<DecidedBy, string> = new Map([
  ['team', ''],
  ['draft', ' — not submitted: its draft was taken'],
  ['computer', ''],
  ['filled', ' — missed the deadline: the computer filled in'],
  ['missing', ' — gave no orders in time'],
  ['rule', ''],
  // Without it the page read "Uzbekistan (Team 3): Uzbekistan leans to …", a stance the team never chose.
  ['late', ' — missed the deadline: the rule of thumb took its stance'],
]);

/** What follows a role's name: " (Team 1)", or nothing for a team that kept the role's name ("Beijing (Beijing)" only repeats it). */
const seatedAs = (name: string, team: string): string => (team.trim().toLowerCase() === name.trim().toLowerCase() ? '' : ` (${team})`);
const DASHES = ['', '8 4', '2 3', '10 3 2 3'];

/** A line chart of one value per power over the turns, with its numbers in words. */
function chart(title: string, series: ReadonlyMap<string, number[]>, powers: ClassDebrief['powers'], max: number): string {
  const width = 520;
  const height = 170;
  const pad = 30;
  const turns = Math.max(1, ...[...series.values()].map((v) => v.length - 1));
  const top = Math.max(1, max);
  const x = (i: number): number => pad + ((width - 2 * pad) * i) / turns;
  const y = (v: number): number => height - pad - ((height - 2 * pad) * v) / top;
  const lines = powers
    .map((p, k) => {
      const v = series.get(p.id) ?? [];
      return `<polyline points="${v.map((n, i) => `${x(i).toFixed(1)},${y(n).toFixed(1)}`).join(' ')}" fill="none" stroke="${escapeHtml(p.color)}" stroke-width="2.5"${DASHES[k % DASHES.length] ? ` stroke-dasharray="${DASHES[k % DASHES.length]}"` : ''}/>`;
    })
    .join('');
  const words = powers.map((p) => `${p.name}: ${(series.get(p.id) ?? []).join(' → ')}`).join('; ');
  const legend = powers.map((p, k) => `<span class="key"><svg width="34" height="10" aria-hidden="true"><line x1="0" y1="5" x2="34" y2="5" stroke="${escapeHtml(p.color)}" stroke-width="2.5"${DASHES[k % DASHES.length] ? ` stroke-dasharray="${DASHES[k % DASHES.length]}"` : ''}/></svg> ${escapeHtml(p.name)}</span>`).join(' ');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`${title}. ${words}`)}"><path d="M${pad},${pad / 2} V${height - pad} H${width - pad / 2}" stroke="#555" fill="none"/><text x="2" y="${y(top) + 4}" font-size="11">${top}</text><text x="2" y="${y(0) + 4}" font-size="11">0</text><text x="${pad}" y="${height - 8}" font-size="11">start</text><text x="${width - pad - 30}" y="${height - 8}" font-size="11">turn ${turns}</text>${lines}</svg><p class="legend">${legend}</p><p class="words">${escapeHtml(words)}</p></figure>`;
}

export function debriefPage(d: ClassDebrief): string {
  const h = escapeHtml;
  const maxPoints = Math.max(1, ...[...d.points.values()].flat());
  const scores = d.powers.map((p) => `<li><strong>${h(p.name)}</strong>${h(seatedAs(p.name, p.team))}: ${h(pointsText(p.points))}</li>`).join('');
  const turning = d.turningPoints.length === 0 ? '<p>No turning points: the lead never changed hands.</p>' : `<p>${h(d.turningPointsChosen)}</p><ul>${d.turningPoints.map((t) => `<li>Turn ${t.turn} (${h(t.date)}): ${h(t.text)}</li>`).join('')}</ul>`;
  const turns = d.turns
    .map((t) => {
      const decisions = t.decisions.map((x) => `<li><strong>${h(x.name)}</strong>${h(seatedAs(x.name, x.team))}${h(BY.get(x.decidedBy) ?? '')}: ${x.lines.length > 0 ? x.lines.map(h).join('; ') : 'no orders'}</li>`).join('');
      const events = t.events.map((e) => `<li><strong>${h(e.title)}</strong>${e.injected ? ' (fired by the facilitator)' : ''}. What really happened: ${h(e.basis)}</li>`).join('');
      return `<section class="turn"><h3>Turn ${t.turn} — ${h(t.date)}</h3><h4>Decisions</h4><ul>${decisions}</ul>${newsList(t)}${events ? `<h4>Events</h4><ul>${events}</ul>` : ''}${messageList(t)}</section>`;
    })
    .join('');
  const unplayed = d.unplayed === null ? '' : unplayedTurn(d.unplayed);
  const influence = d.influence.map((c) => chart(`Influence in ${c.name}`, c.series, d.powers, 100)).join('');
  const sources = d.sources.length === 0 ? '' : `<h2>Sources</h2><ul>${d.sources.map((s) => `<li>${h(s)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Debrief — ${h(d.title)} (room ${h(d.code)})</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;color:#111;background:#fff;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.8rem;margin:0 0 .3rem}h2{margin-top:2rem;border-bottom:2px solid #333}h3{margin:1.2rem 0 .3rem}h4{margin:.6rem 0 .2rem;font-size:1rem}
figure{margin:1rem 0;break-inside:avoid}figcaption{font-weight:bold}svg{max-width:100%;height:auto}.legend,.words{margin:.2rem 0;font-size:.9rem}.key{margin-right:1rem;white-space:nowrap}
.turn{break-inside:avoid;border-top:1px solid #999}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 1.5rem}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}}
</style></head><body>
<h1>${h(d.title)}: the class's debrief</h1>
<p>Room ${h(d.code)}. ${h(d.outcome)}</p>
<h2>Outcome</h2><ul>${scores}</ul>
${chart('Points over the game', d.points, d.powers, maxPoints)}
<h2>Turning points</h2>${turning}
<h2>Influence over the game</h2><div class="charts">${influence}</div>
<h2>Turn by turn</h2>${turns}${unplayed}
${sources}
</body></html>
`;
}

type Said = Pick<DebriefTurn, 'news' | 'messages'>;
const newsList = (t: Said): string => (t.news.length === 0 ? '' : `<h4>News and injects</h4><ul>${t.news.map((n) => `<li>${n.kind === 'event' ? 'Inject' : 'News'}: ${escapeHtml(n.text)}</li>`).join('')}</ul>`);
const messageList = (t: Said): string => (t.messages.length === 0 ? '' : `<h4>Messages</h4><ul>${t.messages.map((m) => `<li>${escapeHtml(m.from)} to ${escapeHtml(m.to)}: “${escapeHtml(m.text)}”</li>`).join('')}</ul>`);

/** The turn the game stopped in: what was said and fired, and that it never resolved. */
const unplayedTurn = (t: UnplayedTurn): string => `<section class="turn"><h3>Turn ${t.turn} — ${t.ended ? 'not played: the facilitator ended the game first' : 'being played now'}</h3>${newsList(t)}${messageList(t)}</section>`;
