/**
 * Adjusted Rand index of two labellings of the same points (Hubert & Arabie,
 * as sklearn's adjusted_rand_score): 1 for identical partitions up to the
 * names of the labels, about 0 for independent ones. Every label, noise (-1)
 * included, counts as a group of its own. Two labellings that each put every
 * point in one group (or each in its own) score 1.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`the labellings have ${a.length} and ${b.length} points`);
  const n = a.length;
  const pairs = (count: number): number => (count * (count - 1)) / 2;
  const joint = new Map<string, number>();
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const key = `${a[i]} ${b[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    columns.set(b[i]!, (columns.get(b[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const count of joint.values()) index += pairs(count);
  let rowPairs = 0;
  for (const count of rows.values()) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of columns.values()) columnPairs += pairs(count);
  const expected = (rowPairs * columnPairs) / pairs(n);
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
