// How to play, in the game (issue 11, item 1): the rules card of the scenario being played
// (built by the engine from the scenario's own numbers, so a custom scenario gets a correct
// card) and the map's legend. Both are plain text: the map's colours are always said in words.
import type { Scenario } from '../engine';
import { rulesCard } from '../engine';
import { useMemo } from 'preact/hooks';
import { HATCH, mapTints, patternOf } from '../map/palette';

/** A legend swatch as the map draws a country the power leads: its tint, hatched in its pattern (CSS angles turn clockwise from up). */
export function swatchStyle(tint: string, angles: readonly number[]): string {
  const lines = angles.map((a) => `repeating-linear-gradient(${(360 - a) % 360}deg, ${HATCH}99 0 1.5px, transparent 1.5px 5px)`);
  return `background: ${[...lines, tint].join(', ')}`;
}

export function HowToPlay({ scenario, open = false }: { scenario: Scenario; open?: boolean }) {
  return (
    <details class="panel rules-card" open={open} data-testid="rules-card">
      <summary>How to play {scenario.title}</summary>
      {rulesCard(scenario).map((section) => (
        <section key={section.id} aria-label={section.heading}>
          <h3>{section.heading}</h3>
          <ul>
            {section.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
      <MapLegend scenario={scenario} />
    </details>
  );
}

export function MapLegend({ scenario }: { scenario: Scenario }) {
  const tints = useMemo(() => mapTints(scenario.powers.map((p) => p.color)), [scenario]);
  return (
    <section aria-label="Map legend" class="legend">
      <h3>Map legend</h3>
      <ul>
        {scenario.powers.map((p, i) => (
          <li key={p.id}>
            <span class="swatch" style={swatchStyle(tints[i] ?? p.color, patternOf(i).angles)} aria-hidden="true" />
            {`${p.name}: a country it leads is filled in its colour, the stronger the larger the lead, and hatched with ${patternOf(i).name} (bolder once it has control); its projects' routes are drawn in its colour with a dark edge (thick once built).`}
          </li>
        ))}
        <li>{`Each country’s label says who leads it and by how much ("${scenario.powers[0]?.name ?? 'a power'} +12"); ★ means the lead is enough for control, so the country scores its full worth this turn.`}</li>
        <li>Grey: nobody leads (equal shares). White lines: projects nobody has started yet. The yellow outline marks the country you selected.</li>
      </ul>
    </section>
  );
}
