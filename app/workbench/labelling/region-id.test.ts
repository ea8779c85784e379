import { describe, expect, it } from "vitest";
import { newRegionId, uuidV4FromBytes } from "./region-id";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidV4FromBytes", () => {
  it("sets the version and variant bits and formats 8-4-4-4-12", () => {
    expect(uuidV4FromBytes(new Uint8Array(16).fill(0xff))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(uuidV4FromBytes(new Uint8Array(16))).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("refuses the wrong number of bytes", () => {
    expect(() => uuidV4FromBytes(new Uint8Array(15))).toThrow(RangeError);
  });
});

describe("newRegionId", () => {
  it("uses getRandomValues where randomUUID is missing (plain http on a LAN address)", () => {
    const id = newRegionId({ getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    expect(id).toMatch(UUID_V4);
    expect(newRegionId()).toMatch(UUID_V4);
    expect(newRegionId()).not.toBe(newRegionId());
  });
});
