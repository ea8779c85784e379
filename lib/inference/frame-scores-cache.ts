import type { AudioStore } from "../corpus/audio-store";
import { readFrameScoresFile } from "./frame-scores-file";

/**
 * Frame-score files are content-addressed and never change, and the editor
 * asks for curve windows of the same analysis many times while a researcher
 * scrolls and zooms: keeping recently read files in memory spares reading an
 * hour's 6.5 MB from disk for every window. Bounded by bytes, least recently
 * used out first.
 */
export class FrameScoresCache {
  private readonly entries = new Map<string, Promise<Float32Array>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly read: (key: string) => Promise<Float32Array>,
  ) {}

  get(hash: string): Promise<Float32Array> {
    const cached = this.entries.get(hash);
    if (cached) {
      // Re-insert so Map order stays least-recently-used first.
      this.entries.delete(hash);
      this.entries.set(hash, cached);
      return cached;
    }
    const loading = this.read(hash);
    this.entries.set(hash, loading);
    loading.then(
      (scores) => {
        if (this.entries.get(hash) !== loading) return;
        this.sizes.set(hash, scores.byteLength);
        this.bytes += scores.byteLength;
        this.evict();
      },
      () => {
        // A failed read is not remembered: the next request tries again.
        if (this.entries.get(hash) === loading) this.entries.delete(hash);
      },
    );
    return loading;
  }

  get cachedBytes(): number {
    return this.bytes;
  }

  private evict(): void {
    for (const hash of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      const size = this.sizes.get(hash);
      // Still loading: its size is unknown and it is about to be used.
      if (size === undefined) continue;
      this.entries.delete(hash);
      this.sizes.delete(hash);
      this.bytes -= size;
    }
  }
}

const SERVER_CACHE_BYTES = 96 * 1024 * 1024;
// Keyed by file path: route handlers open a store object per request, but the files behind them are the same.
const serverCache = new FrameScoresCache(SERVER_CACHE_BYTES, readFrameScoresFile);

/** An analysis's frame scores through the server's cache. Callers must not modify the array. */
export function readCachedFrameScores(store: AudioStore, hash: string): Promise<Float32Array> {
  return serverCache.get(store.frameScoresPath(hash));
}
