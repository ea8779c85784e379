import { describe, expect, it } from "vitest";
import {
  EMPTY_HISTORY,
  MAX_RECENT_COMMANDS,
  parseRecentHistory,
  pushRecent,
  rememberCommand,
  rememberRecording,
  serialiseRecentHistory,
} from "./recent-history";

describe("recent history", () => {
  it("moves a repeated item to the front instead of listing it twice, and keeps at most max", () => {
    expect(pushRecent(["a", "b", "c"], "c", (x, y) => x === y, 3)).toEqual(["c", "a", "b"]);
    expect(pushRecent(["a", "b", "c"], "d", (x, y) => x === y, 3)).toEqual(["d", "a", "b"]);
  });

  it("remembers commands and recordings newest first, recordings by id with their latest title", () => {
    let history = rememberCommand(EMPTY_HISTORY, "workbench.togglePanel");
    history = rememberCommand(history, "output.clear");
    history = rememberRecording(history, { recordingId: "r1", title: "old name" });
    history = rememberRecording(history, { recordingId: "r2", title: "two.wav" });
    history = rememberRecording(history, { recordingId: "r1", title: "one.wav" });
    expect(history.commands).toEqual(["output.clear", "workbench.togglePanel"]);
    expect(history.recordings).toEqual([
      { recordingId: "r1", title: "one.wav" },
      { recordingId: "r2", title: "two.wav" },
    ]);
  });

  it("caps the number of commands kept", () => {
    let history = EMPTY_HISTORY;
    for (let index = 0; index < MAX_RECENT_COMMANDS + 5; index += 1) history = rememberCommand(history, `c.${index}`);
    expect(history.commands).toHaveLength(MAX_RECENT_COMMANDS);
    expect(history.commands[0]).toBe(`c.${MAX_RECENT_COMMANDS + 4}`);
  });

  it("round-trips through storage and treats anything malformed as no history", () => {
    const history = rememberRecording(rememberCommand(EMPTY_HISTORY, "x.y"), { recordingId: "r1", title: "one.wav" });
    expect(parseRecentHistory(serialiseRecentHistory(history))).toEqual(history);
    expect(parseRecentHistory(null)).toBe(EMPTY_HISTORY);
    expect(parseRecentHistory("[")).toBe(EMPTY_HISTORY);
    expect(parseRecentHistory(JSON.stringify({ version: 1, commands: [3], recordings: [] }))).toBe(EMPTY_HISTORY);
    expect(parseRecentHistory(JSON.stringify({ version: 0, commands: [], recordings: [] }))).toBe(EMPTY_HISTORY);
  });
});
