// Placeholder page until the Phaser map lands: the default scenario's opening
// position, validated and set up by the same engine the command line uses.
import scenarioJson from '../../scenarios/samarkand-2022.json';
import { loadScenario, newGame, standing } from '../engine';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(root: HTMLElement): void {
  root.replaceChildren();
  const loaded = loadScenario(scenarioJson);
  if (!loaded.ok) {
    root.append(el('h1', 'New Great Game'), el('p', `The default scenario is invalid: ${loaded.error.length} problems.`));
    return;
  }
  const s = loaded.value;
  const game = newGame(s, 'preview');
  if (!game.ok) return;
  root.append(el('h1', 'New Great Game'), el('h2', s.title), el('p', s.summary));
  const table = el('table');
  const head = el('tr');
  for (const h of ['Country', ...s.powers.map((p) => `${p.name} influence`), 'Stability', 'Leader']) head.append(el('th', h));
  table.append(head);
  const powerIds = s.powers.map((p) => p.id);
  for (const c of s.countries) {
    const st = game.value.countries[c.id];
    if (c.role !== 'contested' || !st) continue;
    const row = el('tr');
    const lead = standing(powerIds, st);
    const leaderName = lead.leader === null ? 'tied' : `${s.powers.find((p) => p.id === lead.leader)?.name ?? lead.leader} by ${lead.lead}`;
    for (const v of [c.name, ...powerIds.map((p) => String(st.influence[p] ?? 0)), String(st.stability), leaderName]) row.append(el('td', v));
    table.append(row);
  }
  root.append(table, el('p', 'The playable map arrives next. Meanwhile, play computer games with: npm run --silent cli -- simulate --scenario samarkand-2022 --seed 1'));
  root.lastElementChild?.classList.add('note');
}

const root = document.getElementById('app');
if (root) render(root);
