// Scenario files of earlier forms of the format load: they are brought to the current
// form before validation, and every assumption the migration made is said in a note, so
// no designer's work is lost and nothing is changed silently. Each form has a number
// (`formatVersion`); a file without one is of the first form.
//
// Form 1 → 2 (sources and grounding): citations become lists; an event's `source` and
// `whatHappened` become its `basis`; a project's `source` becomes its basis; orders and
// projects without one are marked as not yet checked against the sources; source dates
// become "YYYY-MM(-DD)"; turns past the latest source become a "what if" continuation.
import { formatMonthIndex, monthIndex } from './dates';

//
// Form 2 → 3 (rules v2): budget carries over whole, so `maxCarry` goes; influence is a
// share (a country's values add up to at most 100), so larger starting values are
// scaled down; the rules that are new keep their defaults (dependence fades where a
// patron gives no order; leading short of control scores 1; no summits), and the lead
// margin now controls a country of sovereignty 50 (proud countries need more).
export const FORMAT_VERSION = 3;

export interface Migration {
  /** The input in the current form (a new object; the input is not changed). */
  json: unknown;
  /** The form the input was in. */
  from: number;
  /** What was assumed, one line each; empty when the input was already current. */
  notes: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The reason shown on orders and projects that a form-1 file did not ground. */
export const UNCHECKED_REASON = 'Not yet checked against the sources: the file was written before orders and projects said what they rest on.';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "28 May 2023", "May 2023", "2023-05" or "2023-05-28" → "2023-05(-28)"; anything else unchanged. */
function isoDate(text: string): string {
  const t = text.trim().toLowerCase();
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t;
  const dmy = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(t);
  const my = /^([a-z]+) (\d{4})$/.exec(t);
  const month = (name: string): number => MONTHS.findIndex((m) => m === name || m.slice(0, 3) === name) + 1;
  if (dmy && month(dmy[2] as string) > 0) return `${dmy[3]}-${String(month(dmy[2] as string)).padStart(2, '0')}-${(dmy[1] as string).padStart(2, '0')}`;
  if (my && month(my[1] as string) > 0) return `${my[2]}-${String(month(my[1] as string)).padStart(2, '0')}`;
  return text;
}

/** A deep copy of parsed JSON in which every `citations` map holds lists. */
function withCitationLists(v: unknown, count: { n: number }): unknown {
  if (Array.isArray(v)) return v.map((x) => withCitationLists(x, count));
  if (!isObject(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'citations' && isObject(x)) {
      const cites: Json = {};
      for (const [field, c] of Object.entries(x)) {
        if (isObject(c)) count.n++;
        Object.defineProperty(cites, field, { value: isObject(c) ? [c] : c, enumerable: true, writable: true, configurable: true });
      }
      out[k] = cites;
    } else Object.defineProperty(out, k, { value: withCitationLists(x, count), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function fromForm1(input: Json): { json: Json; notes: string[] } {
  const notes: string[] = [];
  const count = { n: 0 };
  const s = withCitationLists(input, count) as Json;
  if (count.n > 0) notes.push(`${count.n} citation${count.n === 1 ? '' : 's'} became one-item lists (a value may now cite several articles)`);

  let redated = 0;
  for (const source of list(s.sources)) {
    if (isObject(source) && typeof source.date === 'string') {
      const iso = isoDate(source.date);
      if (iso !== source.date) {
        source.date = iso;
        redated++;
      }
    }
  }
  if (redated > 0) notes.push(`${redated} source date${redated === 1 ? '' : 's'} written as "YYYY-MM(-DD)"`);

  let events = 0;
  for (const e of list(s.events)) {
    if (!isObject(e) || e.basis !== undefined) continue;
    const { source, whatHappened, ...rest } = e;
    for (const k of Object.keys(e)) delete e[k];
    Object.assign(e, { ...rest, basis: { kind: 'reported', source, whatHappened } });
    events++;
  }
  if (events > 0) notes.push(`${events} event${events === 1 ? '' : 's'}: "source" and "whatHappened" moved into "basis" (reported); none is marked as a one-off happening with its month`);

  let reported = 0;
  let unchecked = 0;
  for (const p of list(s.projects)) {
    if (!isObject(p) || p.basis !== undefined) continue;
    const { source, ...rest } = p;
    for (const k of Object.keys(p)) delete p[k];
    if (typeof source === 'string') {
      Object.assign(p, { ...rest, basis: { kind: 'reported', source, note: typeof rest.summary === 'string' ? rest.summary : 'Reported by this source.' } });
      reported++;
    } else {
      Object.assign(p, { ...rest, basis: { kind: 'assumption', reason: UNCHECKED_REASON } });
      unchecked++;
    }
  }
  for (const a of list(s.actions)) {
    if (!isObject(a) || a.basis !== undefined) continue;
    const first = isObject(a.citations) ? Object.values(a.citations).flat().find(isObject) : undefined;
    if (first && typeof first.source === 'string') {
      a.basis = { kind: 'reported', source: first.source, note: typeof first.note === 'string' ? first.note : 'Reported by this source.' };
      reported++;
    } else {
      a.basis = { kind: 'assumption', reason: UNCHECKED_REASON };
      unchecked++;
    }
  }
  if (reported > 0) notes.push(`${reported} order${reported === 1 ? '' : 's'} and project${reported === 1 ? '' : 's'} marked as reported by the source they cited`);
  if (unchecked > 0) notes.push(`${unchecked} order${unchecked === 1 ? '' : 's'} and project${unchecked === 1 ? '' : 's'} with no source marked as assumptions not yet checked against the sources`);

  // Turns past the latest source become a "what if" continuation, offered separately.
  const dates = list(s.sources).flatMap((x) => (isObject(x) && typeof x.date === 'string' && /^\d{4}-\d{2}/.test(x.date) ? [monthIndex(x.date)] : []));
  const start = typeof s.start === 'string' && /^\d{4}-\d{2}$/.test(s.start) ? monthIndex(s.start) : null;
  const { turns, monthsPerTurn } = s;
  if (dates.length > 0 && start !== null && typeof turns === 'number' && typeof monthsPerTurn === 'number' && monthsPerTurn >= 1 && s.whatIf === undefined) {
    const ends = Math.max(...dates);
    const fits = Math.floor((ends - start) / monthsPerTurn) + 1;
    if (turns > fits && fits >= 1) {
      s.turns = fits;
      s.whatIf = { turns: turns - fits, note: 'Turns past the latest source, kept from the file\'s earlier form: nothing here is reported.' };
      notes.push(`the last ${turns - fits} of ${turns} turns come after the latest source (${formatMonthIndex(ends)}): they became a "what if" continuation, offered separately`);
    }
  }
  // The form's number goes first (after a "$schema" pointer), where a reader looks for it.
  const { $schema, ...rest } = s;
  return { json: { ...($schema === undefined ? {} : { $schema }), formatVersion: 2, ...rest }, notes };
}

function fromForm2(input: Json): { json: Json; notes: string[] } {
  const s = structuredClone(input);
  const notes: string[] = [];
  const carried: string[] = [];
  for (const p of list(s.powers)) {
    if (!isObject(p) || !Object.hasOwn(p, 'maxCarry')) continue;
    carried.push(`${typeof p.id === 'string' ? p.id : '?'} ${String(p.maxCarry)}`);
    delete p.maxCarry;
  }
  if (carried.length > 0) notes.push(`unspent budget now carries over whole: the carry limits (${carried.join(', ')}) were dropped`);
  for (const c of list(s.countries)) {
    if (!isObject(c) || !isObject(c.influence)) continue;
    const inf = c.influence;
    const values = Object.values(inf).filter((v): v is number => typeof v === 'number');
    const total = values.reduce((a, b) => a + b, 0);
    if (total <= 100) continue;
    for (const k of Object.keys(inf)) if (typeof inf[k] === 'number') inf[k] = Math.floor(((inf[k] as number) * 100) / total);
    notes.push(`${typeof c.id === 'string' ? c.id : 'a country'}: influence is now a share adding up to at most 100, so its values (${total} in all) were scaled down`);
  }
  notes.push('rules v2 defaults assumed: a patron that gives no order in a country loses 1 dependence there a turn (rules.dependenceFades), leading a country short of control scores 1 point (victory.leadPoints), no summits (victory.summits), and the lead margin now controls a country of sovereignty 50 (each 10 points of sovereignty above or below 50 add or take 1)');
  const { $schema, formatVersion: _v, ...rest } = s;
  return { json: { ...($schema === undefined ? {} : { $schema }), formatVersion: 3, ...rest }, notes };
}

/** Brings a parsed scenario file to the current form, saying what was assumed. */
export function migrateScenario(input: unknown): Migration {
  if (!isObject(input)) return { json: input, from: FORMAT_VERSION, notes: [] };
  const version = Object.hasOwn(input, 'formatVersion') ? input.formatVersion : 1;
  if (version === 1) {
    const first = fromForm1(input);
    const second = fromForm2(first.json);
    return { json: second.json, from: 1, notes: [...first.notes, ...second.notes] };
  }
  if (version === 2) {
    const { json, notes } = fromForm2(input);
    return { json, from: 2, notes };
  }
  // The current form, or a number the validator will refuse with its path.
  return { json: input, from: typeof version === 'number' ? version : FORMAT_VERSION, notes: [] };
}
