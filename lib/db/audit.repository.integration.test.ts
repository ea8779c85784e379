import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, recordAuditEvent } from "./audit.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "./testing/test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.destroy();
});

describe(`the audit log on ${testDatabaseMode()}`, () => {
  it("records events and lists them newest first, filtered and paged", async () => {
    await recordAuditEvent(database.prisma, { actorId: null, actorName: "ana", action: "login.failed", address: "10.0.0.7" });
    await recordAuditEvent(database.prisma, { actorId: null, actorName: "ana", action: "login", address: "10.0.0.7" });
    await recordAuditEvent(database.prisma, { actorId: null, actorName: "ana", action: "label.set", targetType: "recording", targetId: "r1", details: { emotion: "sad" } });
    const all = await listAuditEvents(database.prisma, { limit: 10 });
    expect(all.map((event) => event.action)).toEqual(["label.set", "login", "login.failed"]);
    expect(all[0]).toMatchObject({ targetType: "recording", targetId: "r1", details: { emotion: "sad" }, address: "" });
    expect((await listAuditEvents(database.prisma, { action: "login", limit: 10 })).map((event) => event.action)).toEqual(["login"]);
    const firstPage = await listAuditEvents(database.prisma, { limit: 2 });
    const last = firstPage[1]!;
    const secondPage = await listAuditEvents(database.prisma, { limit: 2, before: { at: new Date(last.at), id: last.id } });
    expect(secondPage.map((event) => event.action)).toEqual(["login.failed"]);
  });

  it("is append-only: updates and deletes change nothing", async () => {
    const before = await listAuditEvents(database.prisma, { limit: 100 });
    await database.prisma.auditEvent.updateMany({ data: { actorName: "mallory" } });
    await database.prisma.auditEvent.deleteMany({});
    await database.connection.query(`UPDATE "AuditEvent" SET "action" = 'login'`);
    await database.connection.query(`DELETE FROM "AuditEvent"`);
    expect(await listAuditEvents(database.prisma, { limit: 100 })).toEqual(before);
  });

  it("refuses details that could hold free text or identifiers, writing nothing", async () => {
    const count = await database.prisma.auditEvent.count();
    await expect(recordAuditEvent(database.prisma, { actorId: null, actorName: "ana", action: "label.set", details: { note: "patient cried" } })).rejects.toThrow(/never holds/);
    expect(await database.prisma.auditEvent.count()).toBe(count);
  });

  it("puts every corpus in the default workspace", async () => {
    const corpus = await database.prisma.corpus.create({ data: { name: "Interviews" }, select: { workspace: { select: { name: true } } } });
    expect(corpus.workspace.name).toBe("Default");
  });
});
