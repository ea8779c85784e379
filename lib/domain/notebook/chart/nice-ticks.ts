/** Axis ticks at round numbers (1, 2 or 5 × 10ᵏ apart) covering a data extent. */

export interface NiceTicks {
  /** The extent widened outwards to whole steps; the axis spans this. */
  domain: [number, number];
  step: number;
  ticks: number[];
}

/** Decimals that write every multiple of `step` exactly (steps are 1, 2 or 5 × 10ᵏ). */
function stepDecimals(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/**
 * About `count` ticks over [min, max]. The step is chosen the way d3's
 * tickIncrement does: the raw step (max − min) / count rounded to 1, 2, 5 or
 * 10 × 10ᵏ at the geometric midpoints √2, √10 and √50. An empty extent
 * (min = max) is widened so the single value sits inside the axis.
 */
export function niceTicks(min: number, max: number, count = 5): NiceTicks {
  let low = Number.isFinite(min) ? min : 0;
  let high = Number.isFinite(max) ? max : low;
  if (low > high) [low, high] = [high, low];
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) / 2;
    // Keep a zero baseline at zero: bars of 0 or of one positive value start there.
    if (low >= 0 && low - pad < 0) low = 0;
    else low -= pad;
    high += pad;
  }
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1) * power;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const decimals = stepDecimals(step);
  // Multiplying whole steps and rounding to the step's decimals avoids 0.30000000000000004.
  const ticks = Array.from({ length: last - first + 1 }, (_, index) => Number(((first + index) * step).toFixed(Math.min(decimals, 100))));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], step, ticks };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A tick's label: as many decimals as the step needs, thousands grouped; exponent form for very large or small steps. */
export function formatTick(value: number, step: number): string {
  if (value === 0) return "0";
  if (step >= 1e9 || step < 1e-6) {
    return value.toExponential(Math.max(0, Math.floor(Math.log10(Math.abs(value)) + 1e-9) - Math.floor(Math.log10(step) + 1e-9)));
  }
  const [whole, fraction] = value.toFixed(stepDecimals(step)).split(".");
  const sign = whole!.startsWith("-") ? "-" : "";
  const digits = groupThousands(whole!.replace("-", ""));
  return fraction ? `${sign}${digits}.${fraction}` : `${sign}${digits}`;
}

/** A data value for tooltips: integers in full, other numbers to 4 significant digits. */
export function formatValue(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return (value < 0 ? "-" : "") + groupThousands(String(Math.abs(value)));
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-4)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
