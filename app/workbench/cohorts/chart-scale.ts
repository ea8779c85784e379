/** Axis arithmetic for the cohort views' small SVG charts. */

/** The smallest 1, 2, 2.5 or 5 × 10ᵏ at or above `value` (1 for anything not above 0), so axis ends read as round numbers. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** `count` + 1 evenly spaced ticks from 0 to `max`. */
export function axisTicks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (max * index) / count);
}

/** The ticks' texts, all with the fewest decimals (up to 4) that write every tick exactly. */
export function tickLabels(ticks: readonly number[]): string[] {
  const exact = (decimals: number) => ticks.every((tick) => Math.abs(Math.round(tick * 10 ** decimals) - tick * 10 ** decimals) < 1e-6);
  const decimals = [0, 1, 2, 3, 4].find(exact) ?? 4;
  return ticks.map((tick) => tick.toFixed(decimals));
}
