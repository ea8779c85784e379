import { describe, expect, it } from "vitest";
import {
  constraintsOf,
  DEFAULT_REGION_SETTINGS,
  parseMinSecondsInput,
  parseRegionSettings,
  serializeRegionSettings,
} from "./region-settings";

describe("parseRegionSettings", () => {
  it("round-trips what it writes", () => {
    const settings = { noOverlap: false, minSeconds: 0.35, playOnSelect: true };
    expect(parseRegionSettings(serializeRegionSettings(settings))).toEqual(settings);
  });

  it("uses the defaults for nothing stored, broken JSON and non-objects", () => {
    expect(parseRegionSettings(null)).toEqual(DEFAULT_REGION_SETTINGS);
    expect(parseRegionSettings("{noOverlap:")).toEqual(DEFAULT_REGION_SETTINGS);
    expect(parseRegionSettings("[true]")).toEqual(DEFAULT_REGION_SETTINGS);
    expect(parseRegionSettings("null")).toEqual(DEFAULT_REGION_SETTINGS);
  });

  it("keeps the valid fields when one is damaged", () => {
    expect(parseRegionSettings('{"noOverlap":false,"minSeconds":"0.5","playOnSelect":true}')).toEqual({
      noOverlap: false,
      minSeconds: DEFAULT_REGION_SETTINGS.minSeconds,
      playOnSelect: true,
    });
    expect(parseRegionSettings('{"minSeconds":-1}').minSeconds).toBe(DEFAULT_REGION_SETTINGS.minSeconds);
    expect(parseRegionSettings('{"minSeconds":600}').minSeconds).toBe(DEFAULT_REGION_SETTINGS.minSeconds);
    expect(parseRegionSettings('{"minSeconds":0}').minSeconds).toBe(0);
    expect(parseRegionSettings('{"noOverlap":"yes"}').noOverlap).toBe(DEFAULT_REGION_SETTINGS.noOverlap);
  });
});

describe("parseMinSecondsInput", () => {
  it("reads what a researcher types into the minimum-length field", () => {
    expect(parseMinSecondsInput("0.25")).toBe(0.25);
    expect(parseMinSecondsInput(" 1 ")).toBe(1);
    expect(parseMinSecondsInput("")).toBe(0);
    expect(parseMinSecondsInput("abc")).toBeNull();
    expect(parseMinSecondsInput("-0.1")).toBeNull();
    expect(parseMinSecondsInput("61")).toBeNull();
  });
});

describe("constraintsOf", () => {
  it("sends only what the server checks", () => {
    expect(constraintsOf({ noOverlap: true, minSeconds: 0.5, playOnSelect: true })).toEqual({ noOverlap: true, minSeconds: 0.5 });
  });
});
