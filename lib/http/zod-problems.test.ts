import { describe, expect, it } from "vitest";
import { z } from "zod";
import { problemsOf } from "./zod-problems";

describe("problemsOf", () => {
  it("names each refused field by its path, and a whole-body problem without one", () => {
    const schema = z.object({ title: z.string().min(1, { error: "must not be empty" }), cells: z.array(z.object({ id: z.uuid({ error: "must be a UUID" }) })) });
    const parsed = schema.safeParse({ title: "", cells: [{ id: "x" }] });
    expect(parsed.success).toBe(false);
    expect(problemsOf(parsed.error!)).toBe("title: must not be empty; cells.0.id: must be a UUID");
    const whole = z.object({}, { error: "must be an object" }).safeParse(3);
    expect(problemsOf(whole.error!)).toBe("must be an object");
  });
});
