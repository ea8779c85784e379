import { z } from "zod";

/**
 * Recently run commands and recently opened recordings, newest first, for
 * the palette and quick open. Kept in localStorage; a malformed value is
 * treated as no history.
 */

export const RECENT_STORAGE_KEY = "resonance.workbench.recent.v1";
export const MAX_RECENT_COMMANDS = 20;
export const MAX_RECENT_RECORDINGS = 30;

export interface RecentRecording {
  recordingId: string;
  title: string;
}

export interface RecentHistory {
  commands: readonly string[];
  recordings: readonly RecentRecording[];
}

export const EMPTY_HISTORY: RecentHistory = { commands: [], recordings: [] };

const historySchema = z.object({
  version: z.literal(1),
  commands: z.array(z.string().min(1).max(200)).max(100),
  recordings: z.array(z.object({ recordingId: z.string().min(1).max(200), title: z.string().max(500) })).max(100),
});

/** Moves (or adds) an item to the front, keeping at most `max`. */
export function pushRecent<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean, max: number): T[] {
  return [item, ...list.filter((other) => !same(other, item))].slice(0, max);
}

export function rememberCommand(history: RecentHistory, id: string): RecentHistory {
  return { ...history, commands: pushRecent(history.commands, id, (a, b) => a === b, MAX_RECENT_COMMANDS) };
}

export function rememberRecording(history: RecentHistory, recording: RecentRecording): RecentHistory {
  return {
    ...history,
    recordings: pushRecent(history.recordings, recording, (a, b) => a.recordingId === b.recordingId, MAX_RECENT_RECORDINGS),
  };
}

export function parseRecentHistory(raw: string | null): RecentHistory {
  if (!raw) return EMPTY_HISTORY;
  try {
    const parsed = historySchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return EMPTY_HISTORY;
    return {
      commands: parsed.data.commands.slice(0, MAX_RECENT_COMMANDS),
      recordings: parsed.data.recordings.slice(0, MAX_RECENT_RECORDINGS),
    };
  } catch {
    return EMPTY_HISTORY;
  }
}

export function serialiseRecentHistory(history: RecentHistory): string {
  return JSON.stringify({ version: 1, commands: history.commands, recordings: history.recordings });
}
