import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportArchivePath, exportFolder } from "./export-paths";

describe("export paths", () => {
  const id = "0F8B6C1E-3A2D-4C5B-9E7F-112233445566";

  it("puts an export's folder and its archive side by side under DATA_DIR/exports, by lowercase id", () => {
    expect(exportFolder("/data", id)).toBe(path.join("/data", "exports", id.toLowerCase()));
    expect(exportArchivePath("/data", id)).toBe(path.join("/data", "exports", `${id.toLowerCase()}.zip`));
  });

  it("refuses an id that is not a UUID, so nothing outside the exports folder can be named", () => {
    expect(() => exportArchivePath("/data", "../../etc/passwd")).toThrow('export id "../../etc/passwd" is not a UUID');
    expect(() => exportFolder("/data", `${id}/..`)).toThrow("is not a UUID");
  });
});
