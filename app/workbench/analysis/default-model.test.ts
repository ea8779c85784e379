import { describe, expect, it } from "vitest";
import type { AnalysisView, ModelsListing } from "../api-types";
import { defaultModel } from "./default-model";

const analysis = (key: string, frameCount: number | null) => ({ model: { key }, frameCount }) as unknown as AnalysisView;
const listing = (...ids: string[]) => ({ models: ids.map((id) => ({ id })), invalid: [] }) as unknown as ModelsListing;

describe("defaultModel", () => {
  it("before the model list arrives, takes the newest analysis that has frame curves", () => {
    expect(defaultModel(undefined, [analysis("webui-import", null), analysis("baseline", 900), analysis("older", 900)])).toBe("baseline");
    expect(defaultModel(undefined, [analysis("webui-import", null)])).toBeNull();
  });

  it("with the list, takes the newest analysis by a model that can still run, else the first model", () => {
    expect(defaultModel(listing("older", "baseline"), [analysis("gone", 900), analysis("baseline", 900), analysis("older", 900)])).toBe("baseline");
    expect(defaultModel(listing("first", "second"), [analysis("gone", 900)])).toBe("first");
    expect(defaultModel(listing(), [])).toBeNull();
  });
});
