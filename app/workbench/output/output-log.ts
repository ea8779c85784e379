/**
 * The Output panel's log: what the workbench did and what went wrong, newest
 * last, kept in memory for this tab. Entries name files and recordings by
 * their file names only; audio and patient codes never go in.
 */

export type OutputLevel = "info" | "warning" | "error";

export interface OutputEntry {
  id: number;
  at: Date;
  level: OutputLevel;
  source: string;
  message: string;
}

const MAX_ENTRIES = 1000;

export class OutputLog {
  private entries: readonly OutputEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  append(level: OutputLevel, source: string, message: string, at: Date = new Date()): void {
    const entry: OutputEntry = { id: this.nextId++, at, level, source, message };
    this.entries = [...this.entries.slice(-(MAX_ENTRIES - 1)), entry];
    for (const listener of this.listeners) listener();
  }

  list(): readonly OutputEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
