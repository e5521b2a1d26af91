// The debrief's explanation (issue 11, item 4): where each side's points came from, the
// turning points with what caused them, and each side's orders turn by turn. The engine's
// debrief replays the record, so every line agrees with the game as it was played.
import { useMemo } from 'preact/hooks';
import type { GameRecord, Scenario } from '../engine';
import { debrief, pointsText } from '../engine';

export function WhyItEnded({ scenario: s, record }: { scenario: Scenario; record: GameRecord }) {
  const d = useMemo(() => debrief(record), [record]);
  if (!d.ok) return <p role="alert">{`The debrief could not be made: ${d.error}.`}</p>;
  const name = (p: string): string => s.powers.find((x) => x.id === p)?.name ?? p;
  return (
    <div class="why" data-testid="why-it-ended">
      <h3>Where the points came from</h3>
      <ul>
        {d.value.powers.map((p) => (
          <li key={p.power}>
            <strong>{`${name(p.power)}: ${pointsText(p.points)}. `}</strong>
            {p.countries.length > 0 ? p.countries.map((c) => `${c.name} ${c.points} (${c.turnsControlled > 0 ? `controlled ${c.turnsControlled} turn${c.turnsControlled === 1 ? '' : 's'}` : 'led, never controlled'})`).join(', ') : 'No country scored for it.'}
          </li>
        ))}
      </ul>
      <h3>Turning points</h3>
      {d.value.turningPoints.length === 0 ? (
        <p>Nothing changed hands: the opening positions held all game.</p>
      ) : (
        <>
          <p class="turning-points-chosen">{d.value.choosing}</p>
          <ol class="turning-points">
            {d.value.turningPoints.map((t, i) => (
              <li key={i}>{`Turn ${t.turn} (${t.date}): ${t.text}.`}</li>
            ))}
          </ol>
        </>
      )}
      <details>
        <summary>Each side’s orders, turn by turn</summary>
        <table class="decisions">
          <caption>Orders given each turn</caption>
          <thead>
            <tr>
              <th scope="col">Turn</th>
              {d.value.decisions.map((p) => (
                <th scope="col" key={p.power}>
                  {name(p.power)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {record.turns.map((_, k) => (
              <tr key={k}>
                <th scope="row">{k + 1}</th>
                {d.value.decisions.map((p) => (
                  <td key={p.power}>{p.turns[k]?.orders.join('; ') || 'no orders'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
