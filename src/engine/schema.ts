// The scenario file format: one zod schema that yields the TypeScript types, the
// generated JSON Schema (scenarios/schema.json) and the shape the validator checks.
// Cross-references between entries (unknown ids, flags nobody reads…) are checked
// after parsing, in scenarioCheck.ts, because they need the whole file.
import { z } from 'zod';
import { hasHiddenCharacters } from './text';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes')
  .max(60)
  .describe('An identifier: lower-case letters, digits and dashes, up to 60 characters, e.g. "kazakhstan".');

export const SourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a source id such as 000_e93177a9f029bdd6')
  .max(60)
  .describe('The id of an entry of "sources", e.g. "003_b6de07fd0d646c0f".');

// The id a source is cited by: any name the designer chooses (the shipped articles' ids happen
// to be their archive numbers), so a new article needs no registration outside the file.
const SourceEntryId = SourceId.describe('The name this file cites the article by, chosen by you: lower-case letters, digits, "_" and "-", up to 60 characters, e.g. "003_b6de07fd0d646c0f" or "my-article-1". Any article may be listed; nothing outside the file needs to know it.');

// Text a player reads may not carry control characters (a terminal obeys them) or
// direction overrides (they can make a text read as something else); tabs and line breaks are fine.
const Text = (max: number) => z.string().min(1).max(max).refine((s) => !hasHiddenCharacters(s), 'text without control characters or direction overrides');
const Pct = z.number().int().min(0).max(100).describe('A whole number from 0 to 100.');
const Delta = z.number().int().min(-100).max(100).describe('A change, in points (negative to lower).');
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

/** Field name → the citations behind it, for values and texts that articles set. The key must name a field of the same entry. */
const Citations = z
  .record(
    z.string().regex(/^[a-z][A-Za-z]*$/, 'the name of a field of this entry'),
    z.array(Citation).min(1).max(8).describe('Every article the field rests on, one citation each.'),
  )
  .optional()
  .describe('Citations for values and texts of this entry, keyed by the field they support, e.g. {"income": [{...}]}.');

/** A calendar date as precise as known: "YYYY-MM" or "YYYY-MM-DD". */
const PartialDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date "YYYY-MM" or "YYYY-MM-DD"')
  .describe('A date as precise as known, "YYYY-MM" or "YYYY-MM-DD".');

export const Source = z
  .strictObject({
    id: SourceEntryId,
    outlet: Text(120).describe('Who published it, e.g. "The Guardian".'),
    date: PartialDate.describe('When it was published, as precise as known: "2024-07" or "2023-05-28". The scenario\'s last turn may not come after the latest source.'),
    title: Text(200).describe('The article\'s headline (or what it is about, in a line), so a reader can find it.'),
    url: z
      .string()
      .max(500)
      .regex(/^https:\/\/[^\s]+$/, 'an address starting with https://')
      .optional()
      .describe('Where to read it, if known (https only).'),
  })
  .describe('An article the scenario rests on.');

/**
 * What an action, project or event rests on: an article that reports it, or an
 * illustrative assumption the game needs, with why. Players see which it is.
 */
export const Basis = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('reported').describe('"reported": an article reports it; "assumption": illustrative, not reported.'),
      source: SourceId,
      note: Text(400).describe('A paraphrase (never a copy) of what the article says.'),
    }),
    z.strictObject({
      kind: z.literal('assumption'),
      reason: Text(300).describe('Why the game has it although no article reports it, in a line players read.'),
    }),
  ])
  .describe('What this rests on: an article, or an illustrative assumption shown to players as such.')
  .meta({ title: 'Basis' });

/** An event's basis: a reported happening carries its date and what really happened, for the debrief. */
export const EventBasis = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('reported').describe('"reported": an article reports it; "assumption": illustrative, not reported.'),
      source: SourceId,
      happened: YearMonth.optional().describe('For a one-off happening: the month it happened. Its window must contain it, and it cannot repeat.'),
      whatHappened: Text(600).describe('For the debrief: what really happened, paraphrased from the source.'),
    }),
    z.strictObject({
      kind: z.literal('assumption'),
      reason: Text(300).describe('Why the game has it although no article reports it, in a line players read.'),
    }),
  ])
  .describe('What the event rests on: an article (and, for a one-off happening, when it happened), or an illustrative assumption.')
  .meta({ title: 'Event basis' });

export const Track = z.strictObject({
  id: Id,
  name: Text(60).describe('Shown to players, e.g. "War drain".'),
  description: Text(300).describe('What the track means and does, for the player.'),
  initial: z.number().int().min(0).max(100).describe('Value at the start.'),
  min: z.number().int().min(0).max(100).describe('Lowest value the track can reach.'),
  max: z.number().int().min(0).max(100).describe('Highest value the track can reach.'),
  incomePerPoint: z
    .number()
    .int()
    .min(-10)
    .max(10)
    .default(0)
    .describe("Change to the power's income per turn for each point of this track (e.g. -1 for a war drain)."),
  secret: z.boolean().default(false).describe("When true, other powers' views do not show this track."),
  citations: Citations,
}).describe('A value of a power that events move, e.g. a war drain.');

export const Power = z.strictObject({
  id: Id,
  name: Text(60).describe('Shown to players, e.g. "Beijing".'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour "#rrggbb"').describe('Map and chart colour, "#rrggbb" (labels always say the name too).'),
  home: Id.describe('The neighbour country this power governs (drawn as its home base).'),
  income: z.number().int().min(0).max(100).describe('Influence budget gained every turn, before tracks modify it.'),
  startBudget: z.number().int().min(0).max(200).describe('Budget available on turn 1.'),
  tracks: z.array(Track).max(12).default([]).describe('Values events move, e.g. a war drain or sanctions pressure.'),
  citations: Citations,
}).describe('A player: Beijing, Moscow…');

const PowerMap = z
  .record(Id, Pct)
  .describe('One value from 0 to 100 per power id.');

const CountryBase = {
  id: Id,
  name: Text(60).describe('Shown to players, e.g. "Kazakhstan".'),
  mapId: z
    .string()
    .regex(/^\d{3}$/, 'a three-digit ISO 3166-1 numeric code')
    .describe('ISO 3166-1 numeric code of the shape drawn for it, e.g. "398" (Kazakhstan); a code the map asset lacks is simply not drawn (scenarios/README.md, The map, lists the shapes).'),
  borders: z.array(Id).max(20).describe('Ids of the countries this one shares a land border with. Borders gate project routes only: consecutive stops of a route must be in one country or in two that border (or share a sea link). Listed on both sides.'),
  // A separate list, not a marked border entry: the editor fills "borders" from the map's
  // shared land edges and refills it when the map shape changes, which must not erase a
  // crossing the designer declared by hand. Optional without a default, so a file without
  // it parses to exactly what it did before (the scenario's hash is part of a game's state).
  seaLinks: z
    .array(
      z
        .strictObject({
          country: Id.describe('The country across the water.'),
          note: Text(200).describe('What makes the crossing, for whoever reads the file (the game does not show it), e.g. "Aktau–Baku ferry across the Caspian".'),
        })
        .describe('A crossing by sea (a ferry, a port) to another country.'),
    )
    .max(20)
    .optional()
    .describe('Countries reached across water (a ferry, a port). A project route may cross a sea link exactly as it crosses a land border; nothing else reads it. Listed on both sides.'),
};

export const ContestedCountry = z.strictObject({
  ...CountryBase,
  role: z.literal('contested').describe('"contested": on the board; "neighbour": context and home bases.'),
  importance: z.number().int().min(1).max(5).describe('Victory points per turn for the power that leads here.'),
  influence: PowerMap.describe('Each power\'s share of influence, 0–100 (power id → value); the shares add up to at most 100, the rest uncommitted.'),
  stability: Pct.describe('0 chaos, 100 solid. Low stability favours security deals and can halt projects.'),
  sovereignty: Pct.describe('How strongly the country resents a dominant patron (0 none, 100 fiercely).'),
  dependence: z
    .strictObject({
      economic: PowerMap.describe('Economic dependence on each power: helps its investments and pulls influence every turn.'),
      security: PowerMap.describe('Security dependence on each power: helps its security deals and pulls influence every turn.'),
    })
    .describe('How much the country depends on each power.'),
  memberships: z.array(Id).max(20).default([]).describe('Ids of organisations the country belongs to.'),
  citations: Citations,
}).describe('A country on the board.');

export const NeighbourCountry = z.strictObject({
  ...CountryBase,
  role: z.literal('neighbour').describe('"contested": on the board; "neighbour": context and home bases.'),
  citations: Citations,
}).describe("A country off the board: drawn for context, a power's home, a route's way through; orders and effects cannot name it.");

export const Country = z.discriminatedUnion('role', [ContestedCountry, NeighbourCountry]).describe('A country: contested (on the board) or a neighbour (context).').meta({ title: 'Country' });

export const Organisation = z
  .strictObject({
    id: Id,
    name: Text(80).describe('e.g. "Collective Security Treaty Organisation".'),
    kind: z.enum(['security', 'economic', 'political']).describe('What the organisation is about.'),
  })
  .describe('An organisation countries may belong to (SCO, CSTO, EAEU…).');

export const City = z
  .strictObject({
    id: Id,
    name: Text(60).describe('Shown on the map.'),
    country: Id.describe('The country id the city is in.'),
    lat: z.number().min(-90).max(90).describe('Latitude, degrees north (WGS84).'),
    lon: z.number().min(-180).max(180).describe('Longitude, degrees east (WGS84).'),
    capital: z.boolean().default(false).describe('Drawn larger on the map.'),
  })
  .describe('A real place; project routes run through cities.');

// Targets inside effects. "$target" is the country an order names, "$route" every
// contested country a project's route touches, "$self" the power that gave the order
// or owns the project, "$others" every other power.
const CountryRef = z
  .string()
  .regex(/^(\$target|\$route|[a-z0-9][a-z0-9-]*)$/, 'a country id, "$target" or "$route"')
  .describe('A contested country id, "$target" (an order\'s country) or "$route" (a project\'s countries).');
const PowerRef = z
  .string()
  .regex(/^(\$self|\$others|[a-z0-9][a-z0-9-]*)$/, 'a power id, "$self" or "$others"')
  .describe('A power id, "$self" (who acts or owns) or "$others" (every other power).');

export const Effect = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('influence').describe('What the effect changes: influence, stability, dependence, budget, income, track, flag or points.'), country: CountryRef, power: PowerRef, delta: Delta })
    .describe("Changes a power's influence share in a country (0–100). A gain fills the uncommitted rest first; beyond it, it comes out of the rivals' shares in proportion."),
  z.strictObject({ type: z.literal('stability'), country: CountryRef, delta: Delta }).describe("Changes a country's stability (kept within 0–100)."),
  z
    .strictObject({
      type: z.literal('dependence'),
      axis: z.enum(['economic', 'security']).describe('Which tie: economic or security.'),
      country: CountryRef,
      power: PowerRef,
      delta: Delta,
    })
    .describe("Changes a country's economic or security dependence on a power (kept within 0–100)."),
  z.strictObject({ type: z.literal('budget'), power: PowerRef, delta: Delta }).describe("Changes a power's budget now, once (never below 0)."),
  z
    .strictObject({ type: z.literal('income'), power: PowerRef, delta: z.number().int().min(-20).max(20).describe('A change to the income of every later turn, in budget points.') })
    .describe("Changes a power's income for the rest of the game (kept within 0–100)."),
  z.strictObject({ type: z.literal('track'), power: PowerRef, track: Id.describe('A track id of that power.'), delta: Delta }).describe("Moves a power's track (kept within the track's min and max; a power without that track is skipped)."),
  z.strictObject({ type: z.literal('flag'), flag: Id.describe('The flag, any id: flags are global, one set for the whole game.'), value: z.boolean().describe('Set (true) or clear (false) the flag.') }).describe('Sets or clears a flag that events and orders read.'),
  z.strictObject({ type: z.literal('points'), power: PowerRef, delta: z.number().int().min(-50).max(50).describe('Victory points to add (negative to take away).') }).describe("Changes a power's victory points directly."),
]).describe('One thing an order, project or event does.').meta({ title: 'Effect' });

const Bounds = {
  atLeast: z.number().int().min(0).max(100).optional().describe('Holds when the value is at least this.'),
  atMost: z.number().int().min(0).max(100).optional().describe('Holds when the value is at most this.'),
};

// Conditions name countries and powers by id: an event has no acting power or target, so
// no placeholder has anything to stand for there.
const CondCountry = Id.describe('A contested country id.');
const CondPower = Id.describe('A power id.');

export const Condition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('flag').describe('What the condition tests: flag, track, influence, stability, dependence, leads or project.'), flag: Id, is: z.boolean().describe('Whether the flag must be set (true) or clear (false).') }).describe('Holds when a flag is set (or, with "is": false, clear).'),
  z.strictObject({ type: z.literal('track'), power: CondPower, track: Id.describe('A track id of that power.'), ...Bounds }).describe("Holds when a power's track is within the bounds."),
  z.strictObject({ type: z.literal('influence'), country: CondCountry, power: CondPower, ...Bounds }).describe("Holds when a power's influence in a country is within the bounds."),
  z.strictObject({ type: z.literal('stability'), country: CondCountry, ...Bounds }).describe("Holds when a country's stability is within the bounds."),
  z.strictObject({ type: z.literal('dependence'), axis: z.enum(['economic', 'security']).describe('Which tie: economic or security.'), country: CondCountry, power: CondPower, ...Bounds }).describe("Holds when a country's economic or security dependence on a power is within the bounds."),
  z.strictObject({ type: z.literal('leads'), country: CondCountry, power: CondPower }).describe('Holds when the power controls the country: leads it by its control margin, as scoring counts control (a smaller lead does not hold).'),
  z.strictObject({ type: z.literal('project'), project: Id.describe('A project id.'), status: z.enum(['available', 'building', 'built']).describe('The project state that makes the condition hold.') }).describe('Holds when a project is available (not started), building or built.'),
]).describe('A test of the game state; an event fires only when all its conditions hold.').meta({ title: 'Condition' });

export const ActionKind = z.enum(['invest', 'security-deal', 'diplomacy', 'special']);

export const Action = z.strictObject({
  id: Id,
  name: Text(80).describe('Shown to players, e.g. "Belt and Road loan".'),
  kind: ActionKind.describe('invest: lands best in stable, economically tied countries; security-deal: in insecure, security-tied ones; diplomacy: small and reliable; special: unmodified, often with a risk.'),
  summary: Text(300).describe('One sentence a player reads beside the order.'),
  powers: z.array(Id).min(1).describe('Powers that may give this order.'),
  cost: z.number().int().min(1).max(100).describe('Budget the order costs.'),
  influence: z.number().int().min(0).max(30).describe("Base influence gain for the ordering power in the target country, before the country's response modifies it."),
  effects: z.array(Effect).max(12).default([]).describe('Further effects, applied as they are (no modifier; "$target" = the order\'s country, "$self" = who gives it).'),
  requires: z
    .strictObject({
      membership: Id.optional().describe('The target must belong to this organisation.'),
      minInfluence: Pct.optional().describe("The ordering power's influence in the target must be at least this."),
      flag: Id.optional().describe('This flag must be set.'),
    })
    .optional()
    .describe('Conditions for giving the order at all.'),
  risk: z
    .strictObject({
      chancePct: Pct.describe('Chance in percent that the risk strikes.'),
      trackBonus: z
        .strictObject({ track: Id, pctPerPoint: z.number().int().min(0).max(20).describe('Percent added per point of the track.') })
        .optional()
        .describe("Adds this many percent per point of the ordering power's track."),
      description: Text(300).describe('What happens when it strikes, in words, e.g. "the West sanctions the banks".'),
      effects: z.array(Effect).min(1).max(12).describe('What the risk does when it strikes.'),
    })
    .optional()
    .describe('A chance that the order backfires, rolled once when it resolves.'),
  basis: Basis,
  citations: Citations,
}).describe('An order powers can give, aimed at one contested country.');

export const ProjectKind = z.enum(['rail', 'road', 'pipeline', 'factory', 'power-plant', 'security-contract', 'digital']);

export const Project = z.strictObject({
  id: Id,
  name: Text(100).describe('Shown to players, e.g. "China–Kyrgyzstan–Uzbekistan railway".'),
  kind: ProjectKind.describe('How the map draws it.'),
  summary: Text(300).describe('One sentence a player reads beside the project.'),
  sponsors: z.array(Id).min(1).describe('Powers that may build it.'),
  cost: z.number().int().min(1).max(200).describe('Budget paid when building starts.'),
  buildTurns: z.number().int().min(1).max(20).describe('Turns of work before it is finished.'),
  route: z.array(Id).min(1).max(12).describe('City ids in order; one city for a plant or factory.'),
  onComplete: z.array(Effect).max(16).default([]).describe('Effects once, when finished ("$route" = every contested country on the route, "$self" = the owner).'),
  perTurn: z.array(Effect).max(8).default([]).describe('Effects every turn once built, for its owner.'),
  initial: z
    .strictObject({ status: z.literal('built').describe('Always "built".'), owner: Id.describe('The power that owns it.') })
    .optional()
    .describe('A project already standing when the scenario starts.'),
  basis: Basis,
  citations: Citations,
}).describe('Something a power builds: rail, road, pipeline, factory, plant, security contract, digital.');

export const GameEvent = z.strictObject({
  id: Id,
  title: Text(100).describe('The card\'s headline.'),
  text: Text(600).describe('The card a player reads when the event fires.'),
  basis: EventBasis,
  trigger: z
    .strictObject({
      from: YearMonth.optional().describe('First month the event can fire.'),
      to: YearMonth.optional().describe('Last month the event can fire.'),
      all: z.array(Condition).max(8).default([]).describe('Conditions that must all hold.'),
      chancePct: Pct.default(100).describe('Chance in percent, drawn as each turn of the window opens (before any order, seen by every player); the event fires if its draw hit and its conditions hold at the end of that turn.'),
    })
    .describe('When the event fires: date window, conditions and chance.'),
  repeatable: z.boolean().default(false).describe('If false (the default) it fires at most once.'),
  effects: z.array(Effect).min(1).max(16).describe('What the event does.'),
  citations: Citations,
}).describe('Something that happens, as the articles report it.');

export const Rules = z
  .strictObject({
    maxOrdersPerTurn: z.number().int().min(1).max(10).default(3).describe('Orders each power may give a turn.'),
    balancingMargin: z.number().int().min(0).max(100).default(25).describe('Lead above which a country starts leaning to the runner-up.'),
    neglect: z.number().int().min(0).max(10).default(1).describe('Influence a power loses each turn in a country where it gave no order.'),
    dependenceFades: z.number().int().min(0).max(10).default(1).describe('Economic and security dependence a power loses each turn in a country where it gave no order.'),
    tiesDivisor: z.number().int().min(10).max(400).default(50).describe('Each turn a power gains (economic + security dependence) / tiesDivisor influence.'),
    unrestBelow: z.number().int().min(0).max(100).default(20).describe('Projects touching a country with stability below this do not advance.'),
  })
  .default({ maxOrdersPerTurn: 3, balancingMargin: 25, neglect: 1, dependenceFades: 1, tiesDivisor: 50, unrestBelow: 20 })
  .describe('Numbers of the rules every turn applies.');

export const Summit = z
  .strictObject({
    turn: z.number().int().min(1).max(60).describe('The turn that ends with this summit\'s scoring.'),
    name: Text(100).describe('Shown to players, e.g. "SCO summit, Samarkand".'),
    weight: z.number().int().min(2).max(5).describe('The summit\'s scoring counts this many times an ordinary turn\'s.'),
    organisation: Id.optional().describe('The organisation holding the summit, if it is one organisation\'s: only its member countries count ×weight; the others score as on an ordinary turn. Leave it out for a summit of every contested country.'),
    basis: Basis,
  })
  .describe('A scoring moment: a summit whose scoring counts several times an ordinary turn\'s.');

export const Victory = z.strictObject({
  leadMargin: z.number().int().min(1).max(100).describe('The lead that controls a country of sovereignty 50; each 10 points of sovereignty above (below) 50 add (take) 1, so proud countries take more winning over.'),
  leadPoints: z.number().int().min(0).max(5).default(1).describe('Points a power scores at each scoring for a country it leads without controlling it (control scores the country\'s importance).'),
  summits: z.array(Summit).max(20).default([]).describe('Scoring moments: these turns score several times over, so a lead can be lost and won back late.'),
  suddenDeath: z
    .strictObject({
      countries: z.number().int().min(1).max(20).describe('Control this many contested countries at the end of a turn…'),
      fromTurn: z.number().int().min(1).max(60).describe('…from this turn on, and win at once.'),
    })
    .optional()
    .describe('An early win: control enough countries from a given turn.'),
}).describe('How the game is won: points each turn (several times over at summits) for controlling or leading countries; most points at the end wins.');

export const Briefing = z
  .strictObject({
    role: Id.describe('A power or country id.'),
    title: Text(100).describe('Headline of the briefing card.'),
    text: Text(2000).describe('What the role wants and fears, for a student to read.'),
    citations: Citations,
  })
  .describe('A role briefing for classroom play.');

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(3).describe('The form of this file\'s format. Files of earlier forms (no number: form 1) are migrated when they load, with notes on what was assumed.'),
    id: Id,
    title: Text(100).describe('Shown when choosing a scenario.'),
    summary: Text(1000).describe('The situation at the start, a paragraph.'),
    start: YearMonth.describe('Month of turn 1, "YYYY-MM".'),
    monthsPerTurn: z.number().int().min(1).max(12).describe('Months between turns.'),
    turns: z.number().int().min(1).max(60).describe('Number of turns; the game ends after the last. The last turn may not come after the latest source.'),
    whatIf: z
      .strictObject({
        turns: z.number().int().min(1).max(40).describe('Turns played past the scenario\'s own, when players choose this continuation.'),
        note: Text(300).describe('What the continuation imagines, shown when it is offered and during its turns.'),
      })
      .optional()
      .describe('An optional "what if" continuation past the reporting, offered as a separate choice and never by default; its turns are labelled as imagined.'),
    sources: z.array(Source).min(1).max(50).describe('The articles cited in this file.'),
    powers: z.array(Power).min(2).max(6).describe('The players (Beijing, Moscow…).'),
    organisations: z.array(Organisation).max(20).default([]).describe('Organisations countries may belong to.'),
    countries: z.array(Country).min(1).max(40).describe('The board (contested) and its neighbours.'),
    cities: z.array(City).max(200).default([]).describe('Places on the map.'),
    actions: z.array(Action).min(1).max(60).describe('The order catalogue.'),
    projects: z.array(Project).max(80).default([]).describe('What powers can build.'),
    events: z.array(GameEvent).max(120).default([]).describe('What can happen, with its source.'),
    flags: z.array(Id).max(60).default([]).describe('Flags set when the game starts.'),
    rules: Rules,
    victory: Victory,
    briefings: z.array(Briefing).max(20).default([]).describe('Role briefings for classroom play.'),
    citations: Citations,
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
export type Basis = z.infer<typeof Basis>;
export type EventBasis = z.infer<typeof EventBasis>;
export type Source = z.infer<typeof Source>;
export type Summit = z.infer<typeof Summit>;
export type Victory = z.infer<typeof Victory>;
export type Citation = z.infer<typeof Citation>;
