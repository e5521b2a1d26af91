// Event triggers: is a condition of the scenario true in this state?
import type { Condition } from './schema';
import type { StateLike } from './state';
import type { ScenarioIndex } from './scenarioIndex';
import { controller } from './leadership';

const within = (v: number, c: { atLeast?: number | undefined; atMost?: number | undefined }): boolean =>
  (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);

export function conditionHolds(ix: ScenarioIndex, s: StateLike, c: Condition): boolean {
  switch (c.type) {
    case 'flag':
      return s.flags.includes(c.flag) === c.is;
    case 'track':
      return within(s.powers[c.power]?.tracks[c.track] ?? 0, c);
    case 'influence':
      return within(s.countries[c.country]?.influence[c.power] ?? 0, c);
    case 'stability':
      return within(s.countries[c.country]?.stability ?? 0, c);
    case 'dependence':
      return within(s.countries[c.country]?.dependence[c.axis][c.power] ?? 0, c);
    case 'leads':
      return controller(ix.scenario, s, c.country) === c.power;
    case 'project':
      return (s.projects[c.project]?.status ?? 'available') === c.status;
    default: {
      const never: never = c;
      throw new Error(`unhandled condition ${JSON.stringify(never)}`);
    }
  }
}
