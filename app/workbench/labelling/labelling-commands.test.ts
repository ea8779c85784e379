import { describe, expect, it } from "vitest";
import type { CanonicalLabel } from "@/lib/domain/emotion-labels";
import { CommandRegistry } from "../commands/command-registry";
import { KEYMAP, resolveKeymap } from "../commands/keymap";
import { labellingCommands, type LabellingActions } from "./labelling-commands";

function recordingActions() {
  const calls: string[] = [];
  const actions: LabellingActions = {
    assign: (emotion: CanonicalLabel) => calls.push(`assign:${emotion}`),
    acceptModel: () => calls.push("acceptModel"),
    clear: () => calls.push("clear"),
    deleteRegion: () => calls.push("deleteRegion"),
    editNote: () => calls.push("editNote"),
    toggleReviewed: () => calls.push("toggleReviewed"),
    toggleTarget: () => calls.push("toggleTarget"),
    nextRegion: () => calls.push("nextRegion"),
    previousRegion: () => calls.push("previousRegion"),
    undo: () => calls.push("undo"),
    redo: () => calls.push("redo"),
    nextNeedingAttention: async () => {
      calls.push("nextNeedingAttention");
    },
  };
  return { actions, calls };
}

describe("labellingCommands", () => {
  it("registers a command for every label.* key in the keymap, and every command has a key", () => {
    const ids = labellingCommands(recordingActions().actions, { undo: null, redo: null }).map((command) => command.id);
    const keyed = new Set(resolveKeymap(KEYMAP, false).map((entry) => entry.command).filter((id) => id.startsWith("label.")));
    expect(new Set(ids)).toEqual(keyed);
    const registry = new CommandRegistry();
    expect(() => registry.registerAll(labellingCommands(recordingActions().actions, { undo: null, redo: null }))).not.toThrow();
  });

  it("runs only while a recording editor is active, and deletes only with a region selected", async () => {
    const { actions, calls } = recordingActions();
    const registry = new CommandRegistry();
    registry.registerAll(labellingCommands(actions, { undo: null, redo: null }));
    expect(await registry.execute("label.assign.sad", { activeEditor: null })).toBe(false);
    expect(await registry.execute("label.assign.sad", { activeEditor: "recording" })).toBe(true);
    expect(await registry.execute("label.deleteRegion", { activeEditor: "recording", regionSelected: false })).toBe(false);
    expect(await registry.execute("label.deleteRegion", { activeEditor: "recording", regionSelected: true })).toBe(true);
    expect(await registry.execute("label.nextNeedingAttention", { activeEditor: "recording" })).toBe(true);
    expect(calls).toEqual(["assign:sad", "deleteRegion", "nextNeedingAttention"]);
  });

  it("names what undo and redo will do in the palette", () => {
    const commands = labellingCommands(recordingActions().actions, { undo: "Label recording as sad", redo: null });
    expect(commands.find((command) => command.id === "label.undo")?.title).toBe("Undo: Label recording as sad");
    expect(commands.find((command) => command.id === "label.redo")?.title).toBe("Redo label edit");
  });
});
