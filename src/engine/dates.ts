// Turns and calendar dates. A date is "YYYY-MM"; turn 1 starts at the scenario's start.

/** Months since year 0, so two dates compare as integers. */
export function monthIndex(yearMonth: string): number {
  const year = Number(yearMonth.slice(0, 4));
  const month = Number(yearMonth.slice(5, 7));
  return year * 12 + (month - 1);
}

export function formatMonthIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The date at which turn `turn` (1-based) is played. */
export function turnDate(start: string, monthsPerTurn: number, turn: number): string {
  return formatMonthIndex(monthIndex(start) + (turn - 1) * monthsPerTurn);
}
