import { describe, expect, it } from "vitest";
import { DOUBLE_PRESS_MS, type NotebookKeyEvent, notebookKeyAction } from "./notebook-keys";

const key = (k: string, modifiers: Partial<NotebookKeyEvent> = {}): NotebookKeyEvent => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe("the notebook's keyboard", () => {
  it("runs with Shift+Enter, Ctrl/⌘+Enter and Alt+Enter in either mode", () => {
    for (const mode of ["command", "edit"] as const) {
      expect(notebookKeyAction(key("Enter", { shiftKey: true }), mode, null, 0)).toBe("runAndAdvance");
      expect(notebookKeyAction(key("Enter", { ctrlKey: true }), mode, null, 0)).toBe("runInPlace");
      expect(notebookKeyAction(key("Enter", { metaKey: true }), mode, null, 0)).toBe("runInPlace");
      expect(notebookKeyAction(key("Enter", { altKey: true }), mode, null, 0)).toBe("runAndInsertBelow");
    }
  });

  it("leaves typing alone in edit mode, except Escape", () => {
    for (const k of ["a", "b", "d", "m", "y", "Enter", "ArrowUp"]) expect(notebookKeyAction(key(k), "edit", null, 0)).toBeNull();
    expect(notebookKeyAction(key("Escape"), "edit", null, 0)).toBe("enterCommand");
  });

  it("maps Jupyter's command keys", () => {
    expect(notebookKeyAction(key("a"), "command", null, 0)).toBe("insertAbove");
    expect(notebookKeyAction(key("B"), "command", null, 0)).toBe("insertBelow");
    expect(notebookKeyAction(key("m"), "command", null, 0)).toBe("toMarkdown");
    expect(notebookKeyAction(key("y"), "command", null, 0)).toBe("toSql");
    expect(notebookKeyAction(key("Enter"), "command", null, 0)).toBe("enterEdit");
    expect(notebookKeyAction(key("k"), "command", null, 0)).toBe("selectPrevious");
    expect(notebookKeyAction(key("ArrowDown"), "command", null, 0)).toBe("selectNext");
    expect(notebookKeyAction(key("ArrowUp", { altKey: true }), "command", null, 0)).toBe("moveUp");
  });

  it("deletes only on a second D within the double-press time", () => {
    expect(notebookKeyAction(key("d"), "command", null, 1000)).toBe("armDelete");
    expect(notebookKeyAction(key("d"), "command", 1000, 1000 + DOUBLE_PRESS_MS)).toBe("deleteCell");
    expect(notebookKeyAction(key("d"), "command", 1000, 1001 + DOUBLE_PRESS_MS)).toBe("armDelete");
  });

  it("leaves modified letters to the browser and the workbench", () => {
    expect(notebookKeyAction(key("a", { ctrlKey: true }), "command", null, 0)).toBeNull();
    expect(notebookKeyAction(key("A", { shiftKey: true }), "command", null, 0)).toBeNull();
    expect(notebookKeyAction(key("x"), "command", null, 0)).toBeNull();
  });
});
