/**
 * Delay before retrying a failed job: exponential in the attempt number,
 * capped, with "full jitter" so a burst of failures does not retry in lockstep.
 * `random` is injected (a value in [0, 1)) so the function stays pure.
 */
export interface BackoffPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseSeconds: 5, maxSeconds: 600 };

export function retryDelaySeconds(attempt: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  if (!(random >= 0 && random < 1)) throw new RangeError(`random must be in [0, 1), got ${random}`);
  const ceiling = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (attempt - 1));
  // Never zero: half the ceiling is guaranteed, the other half is jitter.
  return ceiling / 2 + (ceiling / 2) * random;
}
