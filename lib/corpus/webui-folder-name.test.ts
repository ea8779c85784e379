import { describe, expect, it } from "vitest";
import { isWebUiOutputFolderName, parseWebUiFolderTimestamp } from "./webui-folder-name";

describe("WebUI output folder names", () => {
  it("reads the local timestamp without inventing a zone", () => {
    expect(parseWebUiFolderTimestamp("outputs_20240305_143012")).toBe("2024-03-05T14:30:12");
    expect(parseWebUiFolderTimestamp("outputs_20240229_000000")).toBe("2024-02-29T00:00:00");
    expect(isWebUiOutputFolderName("outputs_20240305_143012")).toBe(true);
  });

  it.each([
    "outputs_20230229_120000",
    "outputs_20241301_120000",
    "outputs_20240305_240000",
    "outputs_20240305_126000",
    "outputs_2024035_143012",
    "outputs_20240305_143012_copy",
    "Outputs_20240305_143012",
    "outputs",
  ])("does not take %s for a WebUI folder", (name) => {
    expect(parseWebUiFolderTimestamp(name)).toBeNull();
    expect(isWebUiOutputFolderName(name)).toBe(false);
  });
});
