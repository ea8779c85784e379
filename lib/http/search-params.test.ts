import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isUuid, parseSearchParams } from "./search-params";

const schema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  kind: z.enum(["a", "b"]).optional(),
});

describe("parseSearchParams", () => {
  it("returns typed values with defaults", () => {
    expect(parseSearchParams(schema, new URLSearchParams("kind=a"))).toEqual({ ok: true, value: { limit: 20, kind: "a" } });
    expect(parseSearchParams(schema, new URLSearchParams("limit=5"))).toEqual({ ok: true, value: { limit: 5 } });
  });

  it("keeps the last of a repeated parameter", () => {
    expect(parseSearchParams(schema, new URLSearchParams("limit=5&limit=7"))).toEqual({ ok: true, value: { limit: 7 } });
  });

  it("names each bad parameter in the message", () => {
    const result = parseSearchParams(schema, new URLSearchParams("limit=0&kind=c"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^Invalid query parameters\. /);
    expect(result.message).toContain("limit:");
    expect(result.message).toContain("kind:");
  });
});

describe("isUuid", () => {
  it("accepts UUIDs in either case and refuses anything else", () => {
    expect(isUuid("0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b")).toBe(true);
    expect(isUuid("0B5F7C1E-2A3D-4E5F-8A9B-0C1D2E3F4A5B")).toBe(true);
    expect(isUuid("0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5")).toBe(false);
    expect(isUuid("../../etc/passwd")).toBe(false);
    expect(isUuid("0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b\n")).toBe(false);
  });
});
