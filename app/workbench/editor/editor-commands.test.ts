import { describe, expect, it } from "vitest";
import { KEYMAP, resolveKeymap } from "../commands/keymap";
import { CommandRegistry } from "../commands/command-registry";
import { editorCommands, type EditorActions, type EditorCommandState, seekStep, stepRate } from "./editor-commands";

const calls: string[] = [];
const actions = new Proxy({} as EditorActions, {
  get: (_target, name: string) => (...args: unknown[]) => calls.push([name, ...args.map(String)].join(":")),
});
const STATE: EditorCommandState = { channels: 1, hasReference: false, comparing: false, loop: false, curveMode: "lines", amplitude: "linear" };

describe("editorCommands", () => {
  it("registers a command for each of the editor's keys in the keymap, without duplicates", () => {
    const registry = new CommandRegistry();
    registry.registerAll(editorCommands(actions, STATE));
    const keyed = ["playPause", "seekBack", "seekForward", "zoomIn", "zoomOut", "zoomToFit", "zoomToFrames", "slower", "faster", "toggleLoop", "clearSelection"];
    for (const name of keyed) {
      expect(KEYMAP.some((entry) => entry.command === `editor.${name}`), name).toBe(true);
      expect(registry.get(`editor.${name}`), name).toBeDefined();
    }
    expect(() => resolveKeymap(KEYMAP, false)).not.toThrow();
  });

  it("applies only while a recording editor is active", async () => {
    const registry = new CommandRegistry();
    registry.registerAll(editorCommands(actions, STATE));
    calls.length = 0;
    expect(await registry.execute("editor.zoomIn", {})).toBe(false);
    expect(await registry.execute("editor.zoomIn", { activeEditor: "recording" })).toBe(true);
    expect(calls).toEqual(["zoomIn"]);
  });

  it("offers channel commands only for several channels, and clearing only with a region selected", async () => {
    const ids = (state: EditorCommandState) => editorCommands(actions, state).map((command) => command.id);
    expect(ids(STATE).filter((id) => id.startsWith("editor.playChannel"))).toEqual([]);
    expect(ids({ ...STATE, channels: 2 })).toEqual(expect.arrayContaining(["editor.playAllChannels", "editor.playChannel1", "editor.playChannel2"]));
    const registry = new CommandRegistry();
    registry.registerAll(editorCommands(actions, { ...STATE, channels: 2 }));
    calls.length = 0;
    await registry.execute("editor.playChannel2", { activeEditor: "recording" });
    expect(calls).toEqual(["playChannel:1"]);
    expect(registry.isEnabled("editor.clearSelection", { activeEditor: "recording" })).toBe(false);
    expect(registry.isEnabled("editor.clearSelection", { activeEditor: "recording", regionSelected: true })).toBe(true);
  });

  it("names toggles by what they will do", () => {
    const title = (state: EditorCommandState, id: string) => editorCommands(actions, state).find((command) => command.id === id)?.title;
    expect(title(STATE, "editor.toggleCurveMode")).toBe("Draw curves as stacked areas");
    expect(title({ ...STATE, curveMode: "stacked" }, "editor.toggleCurveMode")).toBe("Draw curves as lines");
    expect(title({ ...STATE, loop: true }, "editor.toggleLoop")).toBe("Stop looping the selected region");
    expect(title(STATE, "editor.toggleReference")).toBeUndefined();
    expect(title({ ...STATE, hasReference: true }, "editor.toggleReference")).toBeDefined();
  });
});

describe("stepRate", () => {
  it("steps through the rates from 0.1× to 4× and stops at the ends", () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(4, 1)).toBe(4);
    expect(stepRate(0.1, -1)).toBe(0.1);
    // From a slider value between steps, to the neighbouring step.
    expect(stepRate(1.1, 1)).toBe(1.25);
    expect(stepRate(1.1, -1)).toBe(1);
  });
});

describe("seekStep", () => {
  it("seeks a tenth of the view, at least a frame and at most a minute", () => {
    expect(seekStep(30)).toBe(3);
    expect(seekStep(0.1)).toBe(0.02);
    expect(seekStep(3600)).toBe(60);
  });
});
