import { describe, expect, it } from "vitest";
import { FrameScoresCache } from "./frame-scores-cache";

function counter() {
  const reads: string[] = [];
  const read = async (hash: string) => {
    reads.push(hash);
    if (hash === "missing") throw new Error("ENOENT");
    return new Float32Array(hash === "big" ? 200 : 100);
  };
  return { reads, read };
}

describe("FrameScoresCache", () => {
  it("reads a file once and serves the same scores again", async () => {
    const { reads, read } = counter();
    const cache = new FrameScoresCache(10_000, read);
    const [a, b] = await Promise.all([cache.get("h1"), cache.get("h1")]);
    expect(a).toBe(b);
    expect(await cache.get("h1")).toBe(a);
    expect(reads).toEqual(["h1"]);
  });

  it("drops the least recently used files beyond its byte limit", async () => {
    const { reads, read } = counter();
    const cache = new FrameScoresCache(900, read); // two 400-byte files fit, three do not
    await cache.get("a");
    await cache.get("b");
    await cache.get("a"); // a is now the most recently used
    await cache.get("c");
    expect(cache.cachedBytes).toBe(800);
    await cache.get("a");
    await cache.get("b");
    expect(reads).toEqual(["a", "b", "c", "b"]);
  });

  it("does not remember a failed read", async () => {
    const { reads, read } = counter();
    const cache = new FrameScoresCache(10_000, read);
    await expect(cache.get("missing")).rejects.toThrow("ENOENT");
    await expect(cache.get("missing")).rejects.toThrow("ENOENT");
    expect(reads).toEqual(["missing", "missing"]);
    expect(cache.cachedBytes).toBe(0);
  });
});
