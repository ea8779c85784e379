import { readStorage, writeStorage } from "../shell/browser-storage";
import {
  EMPTY_HISTORY,
  parseRecentHistory,
  RECENT_STORAGE_KEY,
  type RecentHistory,
  type RecentRecording,
  rememberCommand,
  rememberRecording,
  serialiseRecentHistory,
} from "./recent-history";

/** Recent commands and recordings as an external store (for useSyncExternalStore), saved on every change. */
export class RecentHistoryStore {
  private history: RecentHistory = EMPTY_HISTORY;
  private loaded = false;
  private readonly listeners = new Set<() => void>();

  snapshot = (): RecentHistory => {
    if (!this.loaded) {
      this.loaded = true;
      this.history = parseRecentHistory(readStorage(RECENT_STORAGE_KEY));
    }
    return this.history;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  commandRan(id: string): void {
    this.update(rememberCommand(this.snapshot(), id));
  }

  recordingOpened(recording: RecentRecording): void {
    this.update(rememberRecording(this.snapshot(), recording));
  }

  private update(next: RecentHistory): void {
    this.history = next;
    writeStorage(RECENT_STORAGE_KEY, serialiseRecentHistory(next));
    for (const listener of this.listeners) listener();
  }
}
