// The scenario file format: one zod schema that yields the TypeScript types, the
// generated JSON Schema (scenarios/schema.json) and the shape the validator checks.
// Cross-references between entries (unknown ids, flags nobody reads…) are checked
// after parsing, in scenarioCheck.ts, because they need the whole file.
import { z } from 'zod';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes')
  .max(60)
  .describe('An identifier: lower-case letters, digits and dashes, e.g. "kazakhstan".');

export const SourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a source id such as 000_e93177a9f029bdd6')
  .max(60)
  .describe('The id of an entry of "sources", e.g. "003_b6de07fd0d646c0f".');

const Text = (max: number) => z.string().min(1).max(max);
const Pct = z.number().int().min(0).max(100);
const Delta = z.number().int().min(-100).max(100);
const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a year and month "YYYY-MM"')
  .describe('A year and month, "YYYY-MM".');

export const Citation = z
  .strictObject({
    source: SourceId,
    note: Text(400).describe('A paraphrase (never a copy) of what the article says that sets this value.'),
  })
  .describe('Where a value comes from: the article id and a short paraphrase.');

/** Field name → citation, for values that an article sets. The key must name a field of the same entry. */
const Citations = z
  .record(z.string(), Citation)
  .optional()
  .describe('Citations for values of this entry, keyed by the field they support, e.g. {"income": {...}}.');

export const Source = z.strictObject({
  id: SourceId,
  outlet: Text(120),
  date: Text(40).describe('As precise as the article tells, e.g. "2022-09" or "28 May 2023".'),
  title: Text(200),
});

export const Track = z.strictObject({
  id: Id,
  name: Text(60),
  description: Text(300),
  initial: z.number().int().min(0).max(100),
  min: z.number().int().min(0).max(100),
  max: z.number().int().min(0).max(100),
  incomePerPoint: z
    .number()
    .int()
    .min(-10)
    .max(10)
    .default(0)
    .describe("Change to the power's income per turn for each point of this track (e.g. -1 for a war drain)."),
  secret: z.boolean().default(false).describe("When true, other powers' views do not show this track."),
  citations: Citations,
});

export const Power = z.strictObject({
  id: Id,
  name: Text(60),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour "#rrggbb"'),
  home: Id.describe('The neighbour country this power governs (drawn as its home base).'),
  income: z.number().int().min(0).max(100).describe('Influence budget gained every turn, before tracks modify it.'),
  startBudget: z.number().int().min(0).max(200),
  maxCarry: z.number().int().min(0).max(200).describe('Unspent budget kept into the next turn, at most.'),
  tracks: z.array(Track).max(12).default([]),
  citations: Citations,
});

const PowerMap = z
  .record(Id, Pct)
  .describe('One value from 0 to 100 per power id.');

const CountryBase = {
  id: Id,
  name: Text(60),
  mapId: z
    .string()
    .regex(/^\d{3}$/, 'a three-digit ISO 3166-1 numeric code')
    .describe('ISO 3166-1 numeric code, used to find the shape in Natural Earth data.'),
  borders: z.array(Id).max(20).describe('Ids of the countries this one shares a land border with.'),
};

export const ContestedCountry = z.strictObject({
  ...CountryBase,
  role: z.literal('contested'),
  importance: z.number().int().min(1).max(5).describe('Victory points per turn for the power that leads here.'),
  influence: PowerMap,
  stability: Pct,
  sovereignty: Pct.describe('How strongly the country resents a dominant patron (0 none, 100 fiercely).'),
  dependence: z.strictObject({
    economic: PowerMap,
    security: PowerMap,
  }),
  memberships: z.array(Id).max(20).default([]).describe('Ids of organisations the country belongs to.'),
  citations: Citations,
});

export const NeighbourCountry = z.strictObject({
  ...CountryBase,
  role: z.literal('neighbour'),
  citations: Citations,
});

export const Country = z.discriminatedUnion('role', [ContestedCountry, NeighbourCountry]);

export const Organisation = z.strictObject({
  id: Id,
  name: Text(80),
  kind: z.enum(['security', 'economic', 'political']),
});

export const City = z.strictObject({
  id: Id,
  name: Text(60),
  country: Id,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  capital: z.boolean().default(false),
});

// Targets inside effects. "$target" is the country an order names, "$route" every
// contested country a project's route touches, "$self" the power that gave the order
// or owns the project, "$others" every other power.
const CountryRef = z.string().regex(/^(\$target|\$route|[a-z0-9][a-z0-9-]*)$/, 'a country id, "$target" or "$route"');
const PowerRef = z.string().regex(/^(\$self|\$others|[a-z0-9][a-z0-9-]*)$/, 'a power id, "$self" or "$others"');

export const Effect = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('influence'), country: CountryRef, power: PowerRef, delta: Delta }),
  z.strictObject({ type: z.literal('stability'), country: CountryRef, delta: Delta }),
  z.strictObject({
    type: z.literal('dependence'),
    axis: z.enum(['economic', 'security']),
    country: CountryRef,
    power: PowerRef,
    delta: Delta,
  }),
  z.strictObject({ type: z.literal('budget'), power: PowerRef, delta: Delta }),
  z.strictObject({ type: z.literal('income'), power: PowerRef, delta: z.number().int().min(-20).max(20) }),
  z.strictObject({ type: z.literal('track'), power: PowerRef, track: Id, delta: Delta }),
  z.strictObject({ type: z.literal('flag'), flag: Id, value: z.boolean() }),
  z.strictObject({ type: z.literal('points'), power: PowerRef, delta: z.number().int().min(-50).max(50) }),
]);

const Bounds = {
  atLeast: z.number().int().min(0).max(100).optional(),
  atMost: z.number().int().min(0).max(100).optional(),
};

export const Condition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('flag'), flag: Id, is: z.boolean() }),
  z.strictObject({ type: z.literal('track'), power: Id, track: Id, ...Bounds }),
  z.strictObject({ type: z.literal('influence'), country: Id, power: Id, ...Bounds }),
  z.strictObject({ type: z.literal('stability'), country: Id, ...Bounds }),
  z.strictObject({ type: z.literal('dependence'), axis: z.enum(['economic', 'security']), country: Id, power: Id, ...Bounds }),
  z.strictObject({ type: z.literal('leads'), country: Id, power: Id }),
  z.strictObject({ type: z.literal('project'), project: Id, status: z.enum(['available', 'building', 'built']) }),
]);

export const ActionKind = z.enum(['invest', 'security-deal', 'diplomacy', 'special']);

export const Action = z.strictObject({
  id: Id,
  name: Text(80),
  kind: ActionKind,
  summary: Text(300).describe('One sentence a player reads beside the order.'),
  powers: z.array(Id).min(1).describe('Powers that may give this order.'),
  cost: z.number().int().min(1).max(100),
  influence: z.number().int().min(0).max(30).describe("Base influence gain for the ordering power in the target country, before the country's response modifies it."),
  effects: z.array(Effect).max(12).default([]).describe('Further effects, applied as they are (no modifier).'),
  requires: z
    .strictObject({
      membership: Id.optional().describe('The target must belong to this organisation.'),
      minInfluence: Pct.optional().describe("The ordering power's influence in the target must be at least this."),
      flag: Id.optional().describe('This flag must be set.'),
    })
    .optional(),
  risk: z
    .strictObject({
      chancePct: Pct,
      trackBonus: z
        .strictObject({ track: Id, pctPerPoint: z.number().int().min(0).max(20) })
        .optional()
        .describe("Adds this many percent per point of the ordering power's track."),
      description: Text(300),
      effects: z.array(Effect).min(1).max(12),
    })
    .optional()
    .describe('A chance that the order backfires, rolled once when it resolves.'),
  citations: Citations,
});

export const ProjectKind = z.enum(['rail', 'road', 'pipeline', 'factory', 'power-plant', 'security-contract', 'digital']);

export const Project = z.strictObject({
  id: Id,
  name: Text(100),
  kind: ProjectKind,
  summary: Text(300),
  sponsors: z.array(Id).min(1).describe('Powers that may build it.'),
  cost: z.number().int().min(1).max(200),
  buildTurns: z.number().int().min(1).max(20),
  route: z.array(Id).min(1).max(12).describe('City ids in order; one city for a plant or factory.'),
  onComplete: z.array(Effect).max(16).default([]),
  perTurn: z.array(Effect).max(8).default([]).describe('Effects every turn once built, for its owner.'),
  initial: z
    .strictObject({ status: z.literal('built'), owner: Id })
    .optional()
    .describe('A project already standing when the scenario starts.'),
  source: SourceId.optional(),
  citations: Citations,
});

export const GameEvent = z.strictObject({
  id: Id,
  title: Text(100),
  text: Text(600).describe('The card a player reads when the event fires.'),
  source: SourceId,
  whatHappened: Text(600).describe('For the debrief: what really happened, paraphrased from the source.'),
  trigger: z.strictObject({
    from: YearMonth.optional(),
    to: YearMonth.optional(),
    all: z.array(Condition).max(8).default([]),
    chancePct: Pct.default(100),
  }),
  repeatable: z.boolean().default(false),
  effects: z.array(Effect).min(1).max(16),
});

export const Rules = z
  .strictObject({
    maxOrdersPerTurn: z.number().int().min(1).max(10).default(3),
    balancingMargin: z.number().int().min(0).max(100).default(25).describe('Lead above which a country starts leaning to the runner-up.'),
    neglect: z.number().int().min(0).max(10).default(1).describe('Influence a power loses each turn in a country where it gave no order.'),
    tiesDivisor: z.number().int().min(10).max(400).default(50).describe('Each turn a power gains (economic + security dependence) / tiesDivisor influence.'),
    unrestBelow: z.number().int().min(0).max(100).default(20).describe('Projects touching a country with stability below this do not advance.'),
  })
  .default({ maxOrdersPerTurn: 3, balancingMargin: 25, neglect: 1, tiesDivisor: 50, unrestBelow: 20 });

export const Victory = z.strictObject({
  leadMargin: z.number().int().min(1).max(100).describe('A power leads a country when its influence exceeds every other power’s by at least this.'),
  suddenDeath: z
    .strictObject({
      countries: z.number().int().min(1).max(20).describe('Lead this many contested countries at the end of a turn…'),
      fromTurn: z.number().int().min(1).max(60).describe('…from this turn on, and win at once.'),
    })
    .optional(),
});

export const Briefing = z.strictObject({
  role: Id.describe('A power or country id.'),
  title: Text(100),
  text: Text(2000),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    title: Text(100),
    summary: Text(1000),
    start: YearMonth,
    monthsPerTurn: z.number().int().min(1).max(12),
    turns: z.number().int().min(2).max(60),
    sources: z.array(Source).min(1).max(50),
    powers: z.array(Power).min(2).max(6),
    organisations: z.array(Organisation).max(20).default([]),
    countries: z.array(Country).min(1).max(40),
    cities: z.array(City).max(200).default([]),
    actions: z.array(Action).min(1).max(60),
    projects: z.array(Project).max(80).default([]),
    events: z.array(GameEvent).max(120).default([]),
    flags: z.array(Id).max(60).default([]).describe('Flags set when the game starts.'),
    rules: Rules,
    victory: Victory,
    briefings: z.array(Briefing).max(20).default([]),
  })
  .describe('A New Great Game scenario.');

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Power = z.infer<typeof Power>;
export type Track = z.infer<typeof Track>;
export type Country = z.infer<typeof Country>;
export type ContestedCountry = z.infer<typeof ContestedCountry>;
export type City = z.infer<typeof City>;
export type Effect = z.infer<typeof Effect>;
export type Condition = z.infer<typeof Condition>;
export type Action = z.infer<typeof Action>;
export type ActionKind = z.infer<typeof ActionKind>;
export type Project = z.infer<typeof Project>;
export type ProjectKind = z.infer<typeof ProjectKind>;
export type GameEvent = z.infer<typeof GameEvent>;
export type Rules = z.infer<typeof Rules>;
