import { describe, expect, it } from "vitest";
import { childrenUrl, isExpandable, nodeKey, parentKeyOf, pathOfKey, ROOT_KEY } from "./explorer-path";

const corpus = nodeKey(ROOT_KEY, { kind: "corpus", id: "c1" });
const cohort = nodeKey(corpus, { kind: "cohort", id: "none" });
const patient = nodeKey(cohort, { kind: "patient", id: "P/01:x" });
const session = nodeKey(patient, { kind: "session", id: "s1" });
const recording = nodeKey(session, { kind: "recording", id: "r1" });

describe("explorer keys", () => {
  it("builds keys as paths and walks back up them", () => {
    expect(corpus).toBe("corpus:c1");
    expect(patient).toBe("corpus:c1/cohort:none/patient:P%2F01%3Ax");
    expect(parentKeyOf(recording)).toBe(session);
    expect(parentKeyOf(corpus)).toBe(ROOT_KEY);
    expect(parentKeyOf(ROOT_KEY)).toBeNull();
  });

  it("reads the folder ids back, decoding them", () => {
    expect(pathOfKey(recording)).toEqual({ corpus: "c1", cohort: "none", patient: "P/01:x", session: "s1" });
    expect(pathOfKey(ROOT_KEY)).toEqual({});
  });

  it("asks for the level below a node with its path and the filter", () => {
    expect(childrenUrl(ROOT_KEY, "all", false)).toBe("/api/explorer?filter=all");
    expect(childrenUrl(patient, "no-label", false)).toBe("/api/explorer?corpus=c1&cohort=none&patient=P%2F01%3Ax&filter=no-label");
  });

  it("asks for a corpus's recordings flat in flat mode, but still lists corpora at the root", () => {
    expect(childrenUrl(corpus, "disagree", true)).toBe("/api/explorer?corpus=c1&flat=1&filter=disagree");
    expect(childrenUrl(ROOT_KEY, "all", true)).toBe("/api/explorer?filter=all");
  });

  it("expands folders, never recordings", () => {
    expect(isExpandable({ kind: "session" })).toBe(true);
    expect(isExpandable({ kind: "recording" })).toBe(false);
  });
});
