import type { DecodeTruncation } from "./audio-format";

/** Builds the outcome's truncation note, e.g. "stream ends at 12.4 s of 35.0 s" or "stream ends abruptly at 12.4 s (why)". */
export function describeTruncation(endsAtSeconds: number, expectedSeconds: number | null, why?: string): DecodeTruncation {
  const at = endsAtSeconds.toFixed(1);
  const base = expectedSeconds !== null ? `stream ends at ${at} s of ${expectedSeconds.toFixed(1)} s` : `stream ends abruptly at ${at} s`;
  return { endsAtSeconds, expectedSeconds, detail: why ? `${base} (${why})` : base };
}
