import { describe, expect, it } from "vitest";
import { editRefusal, labelModeLine, labelModeOf } from "./label-mode";

const permissions = (label: boolean, annotate: boolean) => ({ label, annotate, review: label, analyse: label, blinded: false });

describe("labelModeOf", () => {
  it("sets final labels for those who may, annotations for annotators, nothing for viewers", () => {
    expect(labelModeOf(permissions(true, true))).toBe("final");
    expect(labelModeOf(permissions(false, true))).toBe("annotation");
    expect(labelModeOf(permissions(false, false))).toBe("read-only");
  });

  it("acts as before while the permissions load", () => {
    expect(labelModeOf(undefined)).toBe("final");
  });
});

describe("editRefusal and labelModeLine", () => {
  it("refuse region and note edits outside final mode, saying why", () => {
    expect(editRefusal("final")).toBeNull();
    expect(editRefusal("annotation")).toMatch(/Reviewers draw regions/);
    expect(editRefusal("read-only")).toMatch(/look and listen/);
  });

  it("say what the keys do, and that the workspace is blinded", () => {
    expect(labelModeLine("final", false)).toBeNull();
    expect(labelModeLine("annotation", false)).toBe("Your keys save your own annotation; a reviewer sets the final label.");
    expect(labelModeLine("annotation", true)).toMatch(/Blinded: the model's outputs and others' annotations are hidden\.$/);
  });
});
