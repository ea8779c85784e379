import { describe, expect, it } from "vitest";
import { mapWithConcurrency } from "./map-with-concurrency";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapWithConcurrency", () => {
  it("keeps input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([30, 5, 20, 1, 10, 2, 8], 3, async (ms, index) => {
      running++;
      peak = Math.max(peak, running);
      await delay(ms);
      running--;
      return index * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(3);
  });

  it("answers an empty list without calling", async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });

  it("rejects with the first failure and starts nothing after it", async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      // Item 1 fails while item 0 is still running: item 0's worker must not go on to item 2.
      await delay(item === 1 ? 1 : 20);
      if (item === 1) throw new Error("cannot read frame scores of item 1");
      return item;
    });
    await expect(run).rejects.toThrow("item 1");
    await delay(30);
    expect(started).toEqual([0, 1]);
  });

  it("refuses a limit below 1", async () => {
    await expect(mapWithConcurrency([1], 0, async (item) => item)).rejects.toThrow(RangeError);
  });
});
