// Cross-reference checks of a scenario that parsed: ids that must exist, ids that
// must be unique, flags that nobody reads, routes that jump borders, costs nobody
// can pay. Each problem names its JSON path.
import type { Problem, PathPart } from './problems';
import { formatPath } from './problems';
import type { Condition, Effect, Scenario } from './schema';
import { formatMonthIndex, monthIndex } from './dates';

type Placeholder = '$target' | '$route' | '$self' | '$others';

export function checkScenario(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathPart[], found: string, expected: string): void => {
    problems.push({ path: formatPath(path), found, expected });
  };
  const list = (ids: Iterable<string>): string => {
    const all = [...ids];
    return all.length === 0 ? 'nothing (none are defined)' : `one of ${all.map((i) => `"${i}"`).join(', ')}`;
  };

  const unique = (section: string, items: readonly { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([section, i, 'id'], `"${item.id}" again`, 'an id not used before in this list');
      seen.add(item.id);
    });
    return seen;
  };

  const sources = unique('sources', s.sources);
  const powers = unique('powers', s.powers);
  const organisations = unique('organisations', s.organisations);
  const countries = unique('countries', s.countries);
  const cities = unique('cities', s.cities);
  const actions = unique('actions', s.actions);
  const projects = unique('projects', s.projects);
  unique('events', s.events);
  // Actions and projects share the order namespace in reports; keep them apart.
  s.projects.forEach((p, i) => {
    if (actions.has(p.id)) add(['projects', i, 'id'], `"${p.id}", also an action id`, 'an id no action uses');
  });

  const contested = new Set(s.countries.filter((c) => c.role === 'contested').map((c) => c.id));
  if (contested.size === 0) add(['countries'], 'no contested country', 'at least one country with "role": "contested"');
  const countryById = new Map(s.countries.map((c) => [c.id, c]));
  const cityById = new Map(s.cities.map((c) => [c.id, c]));
  const tracksOf = new Map(s.powers.map((p) => [p.id, new Set(p.tracks.map((t) => t.id))]));

  const citations = (path: PathPart[], entry: { citations?: Record<string, readonly { source: string }[]> | undefined }): void => {
    for (const [field, cs] of Object.entries(entry.citations ?? {})) {
      // Only a field the entry has can be cited; name them, since a designer may reach for one the format lacks.
      if (!Object.hasOwn(entry, field) || field === 'citations') add([...path, 'citations', field], `a citation for "${field}", a field this entry does not have`, `a field of this entry: ${list(Object.keys(entry).filter((f) => f !== 'citations'))}`);
      cs.forEach((c, k) => {
        if (!sources.has(c.source)) add([...path, 'citations', field, k, 'source'], `"${c.source}"`, `a source id: ${list(sources)}`);
      });
    }
  };
  const basis = (path: PathPart[], b: { kind: 'reported'; source: string } | { kind: 'assumption' }): void => {
    if (b.kind === 'reported' && !sources.has(b.source)) add([...path, 'basis', 'source'], `"${b.source}"`, `a source id: ${list(sources)}`);
  };

  // Highest budget a power can ever hold (saving everything until the last turn); a cost above it can never be paid.
  const maxBudget = new Map(
    s.powers.map((p) => {
      const trackBonus = p.tracks.reduce((sum, t) => sum + Math.max(t.incomePerPoint * t.min, t.incomePerPoint * t.max, 0), 0);
      return [p.id, p.startBudget + (s.turns + (s.whatIf?.turns ?? 0) - 1) * Math.max(0, p.income + trackBonus)];
    }),
  );

  s.powers.forEach((p, i) => {
    const home = countryById.get(p.home);
    if (!home) add(['powers', i, 'home'], `"${p.home}"`, `a country id: ${list(countries)}`);
    else if (home.role !== 'neighbour') add(['powers', i, 'home'], `"${p.home}", a contested country`, 'a neighbour country (a home base is not contested)');
    unique(`powers[${i}].tracks`, p.tracks);
    p.tracks.forEach((t, j) => {
      if (t.min > t.max) add(['powers', i, 'tracks', j, 'min'], String(t.min), `at most max (${t.max})`);
      if (t.initial < t.min || t.initial > t.max) add(['powers', i, 'tracks', j, 'initial'], String(t.initial), `between min ${t.min} and max ${t.max}`);
      citations(['powers', i, 'tracks', j], t);
    });
    citations(['powers', i], p);
  });

  const powerMap = (path: PathPart[], map: Record<string, number>): void => {
    for (const key of Object.keys(map)) if (!powers.has(key)) add([...path, key], `power "${key}"`, `a power id: ${list(powers)}`);
    for (const power of powers) if (!Object.hasOwn(map, power)) add([...path, power], 'nothing', `a value for power "${power}"`);
  };

  s.countries.forEach((c, i) => {
    c.borders.forEach((b, j) => {
      const other = countryById.get(b);
      if (!other) add(['countries', i, 'borders', j], `"${b}"`, `a country id: ${list(countries)}`);
      else if (!other.borders.includes(c.id)) add(['countries', i, 'borders', j], `"${b}", which does not list "${c.id}" among its borders`, 'borders listed on both sides');
      if (b === c.id) add(['countries', i, 'borders', j], `"${b}" (itself)`, 'another country');
    });
    (c.seaLinks ?? []).forEach((link, j) => {
      const other = countryById.get(link.country);
      if (!other) add(['countries', i, 'seaLinks', j, 'country'], `"${link.country}"`, `a country id: ${list(countries)}`);
      else if (!(other.seaLinks ?? []).some((l) => l.country === c.id)) add(['countries', i, 'seaLinks', j, 'country'], `"${link.country}", which does not list "${c.id}" among its sea links`, 'sea links listed on both sides');
      if (link.country === c.id) add(['countries', i, 'seaLinks', j, 'country'], `"${link.country}" (itself)`, 'another country');
    });
    if (c.role === 'contested') {
      powerMap(['countries', i, 'influence'], c.influence);
      const shares = Object.values(c.influence).reduce((sum, v) => sum + v, 0);
      if (shares > 100) add(['countries', i, 'influence'], `shares adding up to ${shares}`, 'shares adding up to at most 100 (influence is a share of the country\'s attention)');
      powerMap(['countries', i, 'dependence', 'economic'], c.dependence.economic);
      powerMap(['countries', i, 'dependence', 'security'], c.dependence.security);
      c.memberships.forEach((m, j) => {
        if (!organisations.has(m)) add(['countries', i, 'memberships', j], `"${m}"`, `an organisation id: ${list(organisations)}`);
      });
    }
    citations(['countries', i], c);
  });

  s.cities.forEach((c, i) => {
    if (!countries.has(c.country)) add(['cities', i, 'country'], `"${c.country}"`, `a country id: ${list(countries)}`);
  });

  // Flags: who sets them, who reads them.
  const flagsSet = new Map<string, PathPart[]>();
  const flagsRead = new Set<string>(s.flags);

  const effectRefs = (path: PathPart[], effects: readonly Effect[], allowed: readonly Placeholder[], ownerPowers: readonly string[]): void => {
    effects.forEach((e, j) => {
      const at: PathPart[] = [...path, j];
      if ('country' in e) {
        if (e.country.startsWith('$')) {
          if (!allowed.includes(e.country as Placeholder)) add([...at, 'country'], `"${e.country}"`, `a country id${allowed.filter((a) => a === '$target' || a === '$route').map((a) => ` or "${a}"`).join('')} here`);
        } else if (!contested.has(e.country)) add([...at, 'country'], `"${e.country}"`, `a contested country id: ${list(contested)}`);
      }
      if ('power' in e) {
        if (e.power.startsWith('$')) {
          if (!allowed.includes(e.power as Placeholder)) add([...at, 'power'], `"${e.power}"`, `a power id${allowed.filter((a) => a === '$self' || a === '$others').map((a) => ` or "${a}"`).join('')} here`);
        } else if (!powers.has(e.power)) add([...at, 'power'], `"${e.power}"`, `a power id: ${list(powers)}`);
      }
      if (e.type === 'track') {
        const owners = e.power === '$self' ? ownerPowers : e.power === '$others' ? [...powers].filter((p) => !ownerPowers.includes(p)) : [e.power];
        for (const owner of owners) {
          if (tracksOf.get(owner) && !tracksOf.get(owner)?.has(e.track)) add([...at, 'track'], `"${e.track}", which power "${owner}" does not have`, `a track of "${owner}": ${list(tracksOf.get(owner) ?? [])}`);
        }
      }
      if (e.type === 'flag') flagsSet.set(e.flag, [...at, 'flag']);
    });
  };

  const bounded = (path: PathPart[], c: { atLeast?: number | undefined; atMost?: number | undefined }): void => {
    if (c.atLeast === undefined && c.atMost === undefined) add(path, 'neither atLeast nor atMost', 'atLeast, atMost or both');
    if (c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost) add([...path, 'atLeast'], String(c.atLeast), `at most atMost (${c.atMost})`);
  };

  const conditionRefs = (path: PathPart[], conditions: readonly Condition[]): void => {
    conditions.forEach((c, j) => {
      const at: PathPart[] = [...path, j];
      switch (c.type) {
        case 'flag':
          flagsRead.add(c.flag);
          break;
        case 'track':
          if (!powers.has(c.power)) add([...at, 'power'], `"${c.power}"`, `a power id: ${list(powers)}`);
          else if (!tracksOf.get(c.power)?.has(c.track)) add([...at, 'track'], `"${c.track}"`, `a track of "${c.power}": ${list(tracksOf.get(c.power) ?? [])}`);
          bounded(at, c);
          break;
        case 'influence':
        case 'dependence':
        case 'leads':
          if (!contested.has(c.country)) add([...at, 'country'], `"${c.country}"`, `a contested country id: ${list(contested)}`);
          if (!powers.has(c.power)) add([...at, 'power'], `"${c.power}"`, `a power id: ${list(powers)}`);
          if (c.type !== 'leads') bounded(at, c);
          break;
        case 'stability':
          if (!contested.has(c.country)) add([...at, 'country'], `"${c.country}"`, `a contested country id: ${list(contested)}`);
          bounded(at, c);
          break;
        case 'project':
          if (!projects.has(c.project)) add([...at, 'project'], `"${c.project}"`, `a project id: ${list(projects)}`);
          break;
        default: {
          const never: never = c;
          throw new Error(`unhandled condition ${String(never)}`);
        }
      }
    });
  };

  const affordable = (path: PathPart[], cost: number, who: readonly string[]): void => {
    const best = Math.max(0, ...who.map((p) => maxBudget.get(p) ?? 0));
    if (cost > best) add([...path, 'cost'], String(cost), `at most ${best}, the most any of its powers can ever hold (saving every turn)`);
  };

  s.victory.summits.forEach((m, i) => {
    if (m.turn > s.turns + (s.whatIf?.turns ?? 0)) add(['victory', 'summits', i, 'turn'], String(m.turn), `a turn of the game (1 to ${s.turns + (s.whatIf?.turns ?? 0)})`);
    if (s.victory.summits.findIndex((x) => x.turn === m.turn) !== i) add(['victory', 'summits', i, 'turn'], `turn ${m.turn} again`, 'one summit a turn');
    if (m.organisation !== undefined && !organisations.has(m.organisation)) add(['victory', 'summits', i, 'organisation'], `"${m.organisation}"`, `an organisation id: ${list(organisations)}`);
    if (m.basis.kind === 'reported' && !sources.has(m.basis.source)) add(['victory', 'summits', i, 'basis', 'source'], `"${m.basis.source}"`, `a source id: ${list(sources)}`);
  });

  s.actions.forEach((a, i) => {
    a.powers.forEach((p, j) => {
      if (!powers.has(p)) add(['actions', i, 'powers', j], `"${p}"`, `a power id: ${list(powers)}`);
    });
    affordable(['actions', i], a.cost, a.powers);
    basis(['actions', i], a.basis);
    if (a.requires?.membership && !organisations.has(a.requires.membership)) add(['actions', i, 'requires', 'membership'], `"${a.requires.membership}"`, `an organisation id: ${list(organisations)}`);
    if (a.requires?.flag) flagsRead.add(a.requires.flag);
    effectRefs(['actions', i, 'effects'], a.effects, ['$target', '$self', '$others'], a.powers);
    if (a.risk) {
      effectRefs(['actions', i, 'risk', 'effects'], a.risk.effects, ['$target', '$self', '$others'], a.powers);
      const bonus = a.risk.trackBonus;
      if (bonus) {
        for (const p of a.powers) {
          if (tracksOf.get(p) && !tracksOf.get(p)?.has(bonus.track)) add(['actions', i, 'risk', 'trackBonus', 'track'], `"${bonus.track}", which power "${p}" does not have`, `a track of every power that may give this order`);
        }
      }
    }
    citations(['actions', i], a);
  });

  s.projects.forEach((p, i) => {
    p.sponsors.forEach((sp, j) => {
      if (!powers.has(sp)) add(['projects', i, 'sponsors', j], `"${sp}"`, `a power id: ${list(powers)}`);
    });
    affordable(['projects', i], p.cost, p.sponsors);
    let touchesContested = false;
    p.route.forEach((cityId, j) => {
      const city = cityById.get(cityId);
      if (!city) {
        add(['projects', i, 'route', j], `"${cityId}"`, `a city id: ${list(cities)}`);
        return;
      }
      if (contested.has(city.country)) touchesContested = true;
      const prevId = j > 0 ? p.route[j - 1] : undefined;
      const prev = prevId === undefined ? undefined : cityById.get(prevId);
      if (prev && prev.country !== city.country) {
        const from = countryById.get(prev.country);
        // A sea link counts exactly as a land border here: this is the only rule either gates.
        if (from && !from.borders.includes(city.country) && !(from.seaLinks ?? []).some((l) => l.country === city.country)) {
          add(['projects', i, 'route', j], `"${cityId}" in "${city.country}", which does not border "${prev.country}" (previous stop "${prev.id}")`, 'a city in the same country as the previous stop or in a bordering one');
        }
      }
    });
    if (!touchesContested && p.route.every((c) => cityById.has(c))) add(['projects', i, 'route'], 'a route through no contested country', 'at least one city in a contested country');
    if (p.initial && !p.sponsors.includes(p.initial.owner)) add(['projects', i, 'initial', 'owner'], `"${p.initial.owner}"`, `one of its sponsors: ${list(p.sponsors)}`);
    basis(['projects', i], p.basis);
    effectRefs(['projects', i, 'onComplete'], p.onComplete, ['$route', '$self', '$others'], p.sponsors);
    effectRefs(['projects', i, 'perTurn'], p.perTurn, ['$route', '$self', '$others'], p.sponsors);
    citations(['projects', i], p);
  });

  const first = monthIndex(s.start);
  const last = first + (s.turns - 1) * s.monthsPerTurn;
  // With a "what if" continuation, events may be set in its turns too.
  const lastImagined = last + (s.whatIf?.turns ?? 0) * s.monthsPerTurn;
  // The calendar stays inside the reporting: the last turn comes no later than the latest source.
  const reportingEnds = Math.max(...s.sources.map((x) => monthIndex(x.date)));
  if (last > reportingEnds) {
    const fits = Math.floor((reportingEnds - first) / s.monthsPerTurn) + 1;
    add(['turns'], `${s.turns} turns, the last in ${formatMonthIndex(last)}`, `a last turn no later than the latest source (${formatMonthIndex(reportingEnds)})${fits >= 1 ? `: at most ${fits} turns of ${s.monthsPerTurn} month${s.monthsPerTurn === 1 ? '' : 's'}` : ''}; play on past it only in a "whatIf" continuation`);
  }
  if (s.whatIf && s.turns + s.whatIf.turns > 60) add(['whatIf', 'turns'], String(s.whatIf.turns), `at most ${60 - s.turns}: a game has at most 60 turns in all`);
  s.events.forEach((e, i) => {
    basis(['events', i], e.basis);
    citations(['events', i], e);
    const from = e.trigger.from === undefined ? first : monthIndex(e.trigger.from);
    const to = e.trigger.to === undefined ? lastImagined : monthIndex(e.trigger.to);
    if (e.basis.kind === 'reported' && e.basis.happened !== undefined) {
      // A one-off happening fires in its own period, once.
      const at = monthIndex(e.basis.happened);
      const where: PathPart[] = ['events', i, 'basis', 'happened'];
      if (e.trigger.from === undefined || e.trigger.to === undefined) add(['events', i, 'trigger'], 'a window without a "from" and a "to"', `a window around when it happened (${e.basis.happened})`);
      else if (at < from || at > to) add(where, `"${e.basis.happened}", outside the event's window (${e.trigger.from} to ${e.trigger.to})`, 'a window that contains when it happened');
      if (at < first || at > last) add(where, `"${e.basis.happened}", outside the game (${s.start} to ${formatMonthIndex(last)})`, 'a happening during the game (one from before belongs in the starting situation)');
      if (e.repeatable) add(['events', i, 'repeatable'], 'true', 'false: it happened once');
    }
    if (from > to) add(['events', i, 'trigger', 'from'], `"${e.trigger.from ?? ''}" after "to"`, 'a window whose start is not after its end');
    else if (to < first || from > lastImagined) add(['events', i, 'trigger'], `a window (${e.trigger.from ?? 'start'} to ${e.trigger.to ?? 'end'}) outside the game`, `a window that overlaps the scenario's turns (${s.start} onwards, ${s.turns} turn${s.turns === 1 ? '' : 's'})`);
    if (e.trigger.chancePct === 0) add(['events', i, 'trigger', 'chancePct'], '0', 'a chance above 0 (an event that can never fire)');
    conditionRefs(['events', i, 'trigger', 'all'], e.trigger.all);
    effectRefs(['events', i, 'effects'], e.effects, [], []);
  });

  for (const [flag, path] of flagsSet) {
    if (!flagsRead.has(flag)) add(path, `flag "${flag}", which no condition or order requirement reads`, 'a flag that something reads (or no flag effect)');
  }
  const flagSources = new Set([...flagsSet.keys(), ...s.flags]);
  s.events.forEach((e, i) =>
    e.trigger.all.forEach((c, j) => {
      if (c.type === 'flag' && c.is && !flagSources.has(c.flag)) add(['events', i, 'trigger', 'all', j, 'flag'], `flag "${c.flag}", which nothing sets`, 'a flag set by an effect or by "flags"');
    }),
  );
  s.actions.forEach((a, i) => {
    if (a.requires?.flag && !flagSources.has(a.requires.flag)) add(['actions', i, 'requires', 'flag'], `flag "${a.requires.flag}", which nothing sets`, 'a flag set by an effect or by "flags"');
  });

  if (s.victory.suddenDeath) {
    if (s.victory.suddenDeath.countries > contested.size) add(['victory', 'suddenDeath', 'countries'], String(s.victory.suddenDeath.countries), `at most the number of contested countries (${contested.size})`);
    if (s.victory.suddenDeath.fromTurn > s.turns) add(['victory', 'suddenDeath', 'fromTurn'], String(s.victory.suddenDeath.fromTurn), `at most the number of turns (${s.turns})`);
  }
  s.briefings.forEach((b, i) => {
    if (!powers.has(b.role) && !countries.has(b.role)) add(['briefings', i, 'role'], `"${b.role}"`, 'a power or country id');
    citations(['briefings', i], b);
  });
  citations([], s);
  return problems;
}
