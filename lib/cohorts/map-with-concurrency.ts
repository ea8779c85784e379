/**
 * `map` over items with at most `limit` calls in flight, results in input
 * order. Reading hundreds of frame-score files (up to 6.5 MB per hour of
 * audio) all at once would hold them all in memory together; a handful at a
 * time keeps the disk busy and the memory bounded. The first failure rejects
 * the whole map, and no new call starts after it.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`mapWithConcurrency: limit must be a positive whole number, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await map(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
