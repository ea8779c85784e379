import { describe, expect, it } from "vitest";
import { type AuditEventRecord, auditEventsToCsv, checkAuditDetails } from "./audit-event";

const event = (overrides: Partial<AuditEventRecord> = {}): AuditEventRecord => ({
  id: "e1",
  at: "2026-11-21T10:00:00.000Z",
  actorId: "u1",
  actorName: "ana",
  action: "label.set",
  targetType: "recording",
  targetId: "r1",
  workspaceId: null,
  address: "127.0.0.1",
  details: { emotion: "sad", regions: 1 },
  ...overrides,
});

describe("audit events", () => {
  it("refuses details that could hold free text, secrets or identifiers", () => {
    expect(() => checkAuditDetails({ emotion: "sad", count: 3 })).not.toThrow();
    for (const key of ["note", "noteText", "password", "apiToken", "patientCode", "audio"]) {
      expect(() => checkAuditDetails({ [key]: "x" }), key).toThrow(/never holds/);
    }
    expect(() => checkAuditDetails({ reason: "x".repeat(201) })).toThrow(/201 characters/);
  });

  it("writes CSV with quoting and spreadsheet formulas defused", () => {
    const csv = auditEventsToCsv([event(), event({ actorName: '=HYPERLINK("x")', details: { fields: ["a", "b"] } })]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("at,actor_id,actor,action,target_type,target_id,workspace_id,address,details");
    expect(lines[1]).toBe('2026-11-21T10:00:00.000Z,u1,ana,label.set,recording,r1,,127.0.0.1,"{""emotion"":""sad"",""regions"":1}"');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[3]).toBe("");
  });
});
