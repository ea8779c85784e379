import { describe, expect, it } from "vitest";
import { activeRecordingIdsOf, BOOT_PRELOAD_SCRIPT, editorOpeningUrls } from "./boot-preload";
import { DEFAULT_LAYOUT, LAYOUT_STORAGE_KEY, serialiseLayout } from "./layout-state";

const FIRST = "0b6f1c1e-5a0e-4d5c-9f43-1d2a3b4c5d6e";
const SECOND = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

/** Runs the inline script with a fake localStorage and fetch; returns the URLs it started. */
function runBootScript(saved: string | null): string[] {
  const started: string[] = [];
  const window: Record<string, unknown> = {};
  const localStorage = { getItem: (key: string) => (key === LAYOUT_STORAGE_KEY ? saved : null) };
  const fetch = (url: string) => {
    started.push(url);
    return Promise.resolve(new Response("{}"));
  };
  new Function("window", "localStorage", "fetch", BOOT_PRELOAD_SCRIPT)(window, localStorage, fetch);
  return started;
}

describe("the boot preload", () => {
  const layout = serialiseLayout({
    ...DEFAULT_LAYOUT,
    editors: {
      groups: [
        { tabs: [{ key: FIRST, title: "a.wav" }], activeId: FIRST },
        { tabs: [{ key: SECOND, title: "b.wav" }], activeId: SECOND },
      ],
      activeGroup: 0,
    },
  });

  it("starts what each group's active editor asks for first, plus the model list", () => {
    expect(activeRecordingIdsOf(JSON.parse(layout))).toEqual([FIRST, SECOND]);
    expect(runBootScript(layout)).toEqual([...editorOpeningUrls(FIRST), ...editorOpeningUrls(SECOND), "/api/models"]);
  });

  it("starts nothing without a saved layout, with no open tab, or with a damaged one", () => {
    expect(runBootScript(null)).toEqual([]);
    expect(runBootScript(serialiseLayout(DEFAULT_LAYOUT))).toEqual([]);
    expect(runBootScript("{not json")).toEqual([]);
    expect(runBootScript(JSON.stringify({ version: 1, layout: { editors: { groups: [{ activeId: "../../etc" }] } } }))).toEqual([]);
  });
});
