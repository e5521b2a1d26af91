// The path and the words of each value the ledger changes ("countries.kazakhstan.influence.beijing",
// "Beijing's influence in Kazakhstan"), made once per scenario: a turn records some eighty
// changes, and building the same strings again for each was a large share of its time.
import type { ScenarioIndex } from './scenarioIndex';
import { countryName, powerName } from './scenarioIndex';

export interface ValueLabel {
  path: string;
  what: string;
}

export type Axis = 'economic' | 'security';

interface CountryLabels {
  stability: ValueLabel;
  /** By power. */
  influence: Map<string, ValueLabel>;
  /** By power. */
  dependence: Record<Axis, Map<string, ValueLabel>>;
}

interface PowerLabels {
  budget: ValueLabel;
  income: ValueLabel;
  points: ValueLabel;
  /** By track id (the power's own tracks). */
  tracks: Map<string, ValueLabel>;
}

interface ValueLabels {
  /** By contested country. */
  country: Map<string, CountryLabels>;
  power: Map<string, PowerLabels>;
}

const influenceLabel = (ix: ScenarioIndex, country: string, power: string): ValueLabel => ({
  path: `countries.${country}.influence.${power}`,
  what: `${powerName(ix, power)}'s influence in ${countryName(ix, country)}`,
});
const stabilityLabel = (ix: ScenarioIndex, country: string): ValueLabel => ({ path: `countries.${country}.stability`, what: `Stability of ${countryName(ix, country)}` });
const dependenceLabel = (ix: ScenarioIndex, axis: Axis, country: string, power: string): ValueLabel => ({
  path: `countries.${country}.dependence.${axis}.${power}`,
  what: `${countryName(ix, country)}'s ${axis} dependence on ${powerName(ix, power)}`,
});
const budgetLabel = (ix: ScenarioIndex, power: string): ValueLabel => ({ path: `powers.${power}.budget`, what: `${powerName(ix, power)}'s budget` });
const incomeLabel = (ix: ScenarioIndex, power: string): ValueLabel => ({ path: `powers.${power}.income`, what: `${powerName(ix, power)}'s income per turn` });
const pointsLabel = (ix: ScenarioIndex, power: string): ValueLabel => ({ path: `powers.${power}.points`, what: `${powerName(ix, power)}'s victory points` });
const trackLabel = (ix: ScenarioIndex, power: string, track: { id: string; name: string }): ValueLabel => ({ path: `powers.${power}.tracks.${track.id}`, what: `${track.name} (${powerName(ix, power)})` });

const cache = new WeakMap<ScenarioIndex, ValueLabels>();
// The last scenario asked about, looked at before the WeakMap: a turn asks for the same
// scenario's labels at every change, and a game (or a search) plays one scenario.
let last: { ix: ScenarioIndex; labels: ValueLabels } | null = null;

function labelsOf(ix: ScenarioIndex): ValueLabels {
  if (last?.ix === ix) return last.labels;
  let labels = cache.get(ix);
  if (!labels) {
    labels = makeLabels(ix);
    cache.set(ix, labels);
  }
  last = { ix, labels };
  return labels;
}

function makeLabels(ix: ScenarioIndex): ValueLabels {
  const labels: ValueLabels = { country: new Map(), power: new Map() };
  for (const country of ix.contestedIds) {
    const byPower = (make: (power: string) => ValueLabel): Map<string, ValueLabel> => new Map(ix.powerIds.map((p) => [p, make(p)]));
    labels.country.set(country, {
      stability: stabilityLabel(ix, country),
      influence: byPower((p) => influenceLabel(ix, country, p)),
      dependence: { economic: byPower((p) => dependenceLabel(ix, 'economic', country, p)), security: byPower((p) => dependenceLabel(ix, 'security', country, p)) },
    });
  }
  for (const power of ix.scenario.powers) {
    labels.power.set(power.id, {
      budget: budgetLabel(ix, power.id),
      income: incomeLabel(ix, power.id),
      points: pointsLabel(ix, power.id),
      tracks: new Map(power.tracks.map((t) => [t.id, trackLabel(ix, power.id, t)])),
    });
  }
  return labels;
}

// Each lookup falls back to making the label, so an id outside the scenario is worded as it always was.

export const labelOfInfluence = (ix: ScenarioIndex, country: string, power: string): ValueLabel =>
  labelsOf(ix).country.get(country)?.influence.get(power) ?? influenceLabel(ix, country, power);

export const labelOfStability = (ix: ScenarioIndex, country: string): ValueLabel => labelsOf(ix).country.get(country)?.stability ?? stabilityLabel(ix, country);

export const labelOfDependence = (ix: ScenarioIndex, axis: Axis, country: string, power: string): ValueLabel =>
  labelsOf(ix).country.get(country)?.dependence[axis].get(power) ?? dependenceLabel(ix, axis, country, power);

export const labelOfBudget = (ix: ScenarioIndex, power: string): ValueLabel => labelsOf(ix).power.get(power)?.budget ?? budgetLabel(ix, power);

export const labelOfIncome = (ix: ScenarioIndex, power: string): ValueLabel => labelsOf(ix).power.get(power)?.income ?? incomeLabel(ix, power);

export const labelOfPoints = (ix: ScenarioIndex, power: string): ValueLabel => labelsOf(ix).power.get(power)?.points ?? pointsLabel(ix, power);

export const labelOfTrack = (ix: ScenarioIndex, power: string, track: { id: string; name: string }): ValueLabel =>
  labelsOf(ix).power.get(power)?.tracks.get(track.id) ?? trackLabel(ix, power, track);
