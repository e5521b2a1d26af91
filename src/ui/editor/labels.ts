// Words the form shows for the schema's field names, and a one-line summary of an entry
// for a collapsed list item. Field names not listed here are spelled out from camelCase.

const LABELS: Record<string, string> = {
  id: 'Id',
  mapId: 'Map shape',
  lat: 'Latitude (°N)',
  lon: 'Longitude (°E)',
  startBudget: 'Starting budget',
  leadPoints: 'Points for leading short of control',
  summits: 'Summits (scoring moments)',
  income: 'Income per turn',
  incomePerPoint: 'Income per point',
  monthsPerTurn: 'Months per turn',
  start: 'Start (YYYY-MM)',
  from: 'From (YYYY-MM)',
  to: 'To (YYYY-MM)',
  whatHappened: 'What really happened',
  text: 'Card text',
  chancePct: 'Chance (%)',
  pctPerPoint: 'Percent per point',
  buildTurns: 'Turns to build',
  onComplete: 'When finished',
  perTurn: 'Every turn once built',
  all: 'Conditions (all must hold)',
  trigger: 'When it fires',
  effects: 'Effects',
  leadMargin: 'Lead needed to lead a country',
  suddenDeath: 'Early win',
  maxOrdersPerTurn: 'Orders per turn',
  balancingMargin: 'Balancing margin',
  tiesDivisor: 'Ties divisor',
  unrestBelow: 'Unrest below',
  minInfluence: 'Minimum influence',
  requires: 'Requires',
  risk: 'Risk',
  trackBonus: 'Track bonus',
  initial: 'Standing at the start',
  atLeast: 'At least',
  atMost: 'At most',
  is: 'Is set',
  delta: 'Change',
  type: 'Kind',
  role: 'Role',
  borders: 'Borders',
  route: 'Route',
  sponsors: 'Sponsors',
  capital: 'Capital',
  repeatable: 'Repeatable',
  secret: 'Secret',
  citations: 'Citations',
};

export function labelFor(key: string): string {
  // Own keys only: a field named "constructor" must not find Object.
  const known = Object.hasOwn(LABELS, key) ? LABELS[key] : undefined;
  if (known) return known;
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const signed = (n: unknown): string => (typeof n === 'number' ? (n >= 0 ? `+${n}` : String(n)) : String(n));

/** One line for a list item: its name or title, else what an effect or condition does. */
export function summaryOf(value: unknown, fallback: string): string {
  if (value === null || typeof value !== 'object') return value === undefined || value === '' ? fallback : String(value);
  const v = value as Record<string, unknown>;
  const named = typeof v.name === 'string' ? v.name : typeof v.title === 'string' ? v.title : null;
  if (named !== null) return typeof v.role === 'string' ? `${named} (${v.role})` : named;
  if (typeof v.type === 'string') {
    const parts = [v.country, v.power, v.axis, v.track, v.flag, v.project].filter((x) => typeof x === 'string') as string[];
    const amount = v.delta !== undefined ? ` ${signed(v.delta)}` : v.value !== undefined ? ` = ${String(v.value)}` : v.is !== undefined ? ` is ${String(v.is)}` : v.status !== undefined ? ` ${String(v.status)}` : '';
    const bounds = [v.atLeast !== undefined ? `≥ ${String(v.atLeast)}` : '', v.atMost !== undefined ? `≤ ${String(v.atMost)}` : ''].filter(Boolean).join(' ');
    return `${v.type}${parts.length ? ` (${parts.join(', ')})` : ''}${amount}${bounds ? ` ${bounds}` : ''}`;
  }
  if (typeof v.id === 'string') return v.id;
  return fallback;
}
