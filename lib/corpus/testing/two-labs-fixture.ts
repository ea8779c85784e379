import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CLIENT_ADDRESS_HEADER } from "../../auth/authorize";
import { hashPassword } from "../../auth/password-hash";
import { serveLogin } from "../../auth/serve-auth";
import { createAccount, createWorkspace, setWorkspaceRole } from "../../db/account.repository";
import { createRecording, ensureCorpus } from "../../db/corpus.repository";
import { registerServerDatabase } from "../../db/server-database";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database";
import type { WorkspaceRole } from "../../domain/access/workspace-access";
import { afterAll, beforeAll, expect } from "vitest";
import { type AudioStore, ensureStoreFolders, openAudioStore } from "../audio-store";

/**
 * Two labs on one workbench with ACCOUNTS=on, for the authorization tests of
 * the recording, label, corpus and cohort routes:
 *
 *   Lab A  corpus "Lab A study": a1 (patient PA1, cohort CA, stored analysis audio), a2 (PA1)
 *   Lab B  corpus "Lab B study": b1 (patient PB1, cohort CB, stored analysis audio)
 *
 * Every file name contains "shared", so one search matches all three.
 * Members: ana annotator, ben viewer, rita reviewer, adam admin of Lab A;
 * cleo admin of Lab B. The server database is registered and DATA_DIR set,
 * as the media routes read both from the process.
 */

export const USERS = ["ana", "ben", "rita", "adam", "cleo"] as const;
export type User = (typeof USERS)[number];

const ROLES: Record<User, { lab: "A" | "B"; role: WorkspaceRole }> = {
  ana: { lab: "A", role: "annotator" },
  ben: { lab: "A", role: "viewer" },
  rita: { lab: "A", role: "reviewer" },
  adam: { lab: "A", role: "admin" },
  cleo: { lab: "B", role: "admin" },
};

export interface TwoLabs {
  database: TestDatabase;
  dataDir: string;
  store: AudioStore;
  labs: Record<"A" | "B", string>;
  corpora: Record<"A" | "B", { id: string; name: string }>;
  recordings: Record<"a1" | "a2" | "b1", string>;
  patients: Record<"PA1" | "PB1", string>;
  cohorts: Record<"CA" | "CB", string>;
  userIds: Record<User, string>;
  /** A request as `who` (their session cookie and a client address), or anonymous. */
  request(who: User | null, url?: string, init?: RequestInit): Request;
  destroy(): Promise<void>;
}

const PASSWORD = "correct horse battery staple";

export async function buildTwoLabs(): Promise<TwoLabs> {
  const database = await createTestDatabase();
  registerServerDatabase(database);
  const dataDir = mkdtempSync(path.join(tmpdir(), "two-labs-"));
  process.env.DATA_DIR = dataDir;
  const store = openAudioStore(dataDir);
  await ensureStoreFolders(store);

  const labs = { A: (await createWorkspace(database.prisma, "Lab A")).id, B: (await createWorkspace(database.prisma, "Lab B")).id };
  const corpora = { A: await ensureCorpus(database.prisma, "Lab A study"), B: await ensureCorpus(database.prisma, "Lab B study") };
  for (const lab of ["A", "B"] as const) await database.prisma.corpus.update({ where: { id: corpora[lab].id }, data: { workspaceId: labs[lab] } });

  const addRecording = async (lab: "A" | "B", name: string, patientCode: string, cohort: string | null, stored: boolean) => {
    const analysisHash = createHash("sha256").update(`audio ${name}`).digest("hex");
    if (stored) {
      mkdirSync(path.dirname(store.analysisPath(analysisHash)), { recursive: true });
      writeFileSync(store.analysisPath(analysisHash), Buffer.alloc(4000, 7));
    }
    const [id] = await createRecording(database.prisma, {
      corpusId: corpora[lab].id,
      contentHash: createHash("sha256").update(name).digest("hex"),
      originalName: name,
      format: "wav/pcm_s16le",
      sampleRate: 16_000,
      channels: 1,
      sizeBytes: 4000,
      tracks: [{ trackIndex: -1, analysisHash, durationSeconds: 20, quality: {}, qualityFlags: [] }],
      metadata: {},
      subject: { patientCode, cohorts: cohort ? [cohort] : [], sessionCode: "S1" },
    });
    return id!;
  };
  const recordings = {
    a1: await addRecording("A", "shared-a1.wav", "PA1", "CA", true),
    a2: await addRecording("A", "shared-a2.wav", "PA1", null, false),
    b1: await addRecording("B", "shared-b1.wav", "PB1", "CB", true),
  };
  const patientOf = async (code: string) => (await database.prisma.patient.findFirstOrThrow({ where: { code }, select: { id: true } })).id;
  const cohortOf = async (name: string) => (await database.prisma.cohort.findFirstOrThrow({ where: { name }, select: { id: true } })).id;

  const hash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const userIds = {} as Record<User, string>;
  const cookies = {} as Record<User, string>;
  for (const [index, username] of USERS.entries()) {
    const account = await createAccount(database.prisma, { username, displayName: username[0]!.toUpperCase() + username.slice(1), passwordHash: hash, isAdmin: false });
    await setWorkspaceRole(database.prisma, labs[ROLES[username].lab], account.id, ROLES[username].role);
    userIds[username] = account.id;
    const login = await serveLogin(database, new Request("http://127.0.0.1:3000/api/auth/login", { headers: { [CLIENT_ADDRESS_HEADER]: `10.0.0.${index + 1}` } }), {
      username,
      password: PASSWORD,
    });
    if (login.status !== 200) throw new Error(`cannot log in as ${username}: ${await login.text()}`);
    cookies[username] = login.headers.get("set-cookie")!.split(";")[0]!;
  }

  return {
    database,
    dataDir,
    store,
    labs,
    corpora,
    recordings,
    patients: { PA1: await patientOf("PA1"), PB1: await patientOf("PB1") },
    cohorts: { CA: await cohortOf("CA"), CB: await cohortOf("CB") },
    userIds,
    request: (who, url = "http://127.0.0.1:3000/api/", init = {}) => {
      const headers = new Headers(init.headers);
      headers.set(CLIENT_ADDRESS_HEADER, "10.9.8.7");
      if (who) headers.set("cookie", cookies[who]);
      return new Request(url, { ...init, headers });
    },
    destroy: async () => {
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: builds the two labs with ACCOUNTS=on before its tests
 * (then runs `setUp`), and destroys them and restores ACCOUNTS and DATA_DIR
 * after. Read the labs through the returned function once the tests run.
 */
export function twoLabsForThisFile(setUp: (labs: TwoLabs) => Promise<void> = async () => undefined): () => TwoLabs {
  let labs: TwoLabs | undefined;
  const previous = { ACCOUNTS: process.env.ACCOUNTS, DATA_DIR: process.env.DATA_DIR };
  beforeAll(async () => {
    process.env.ACCOUNTS = "on";
    labs = await buildTwoLabs();
    await setUp(labs);
  }, 120_000);
  afterAll(async () => {
    await labs?.destroy();
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return () => {
    if (!labs) throw new Error("the two labs are built in beforeAll; read them inside a test");
    return labs;
  };
}

/** The response's JSON, once its status is `status` (the body is shown when it is not). */
export async function jsonWithStatus<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}
