import { LABEL_STATUSES, type LabelStatus } from "../domain/label-state";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * Search across corpora: a case-insensitive substring of a recording's file
 * name, its patient's code, cohort names, session code, human or model label,
 * the recording's note and its live regions' notes, and metadata values of
 * the recording and its patient. Each hit says which fields matched, with a
 * snippet; recordings whose name matches come first.
 */

export const SEARCH_FIELDS = ["name", "patient", "cohort", "session", "label", "note", "metadata"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface SearchMatch {
  field: SearchField;
  /** A short stretch of the matching text around the match ("…" where it was cut). */
  text: string;
}

export interface SearchHit {
  recordingId: string;
  name: string;
  /** −1: all channels mixed to mono; n ≥ 0: channel n + 1 of the file. */
  trackIndex: number;
  corpusName: string;
  /** The corpus's workspace, so that a blinded annotator's hits can drop what they may not see. */
  workspaceId: string;
  patientCode: string | null;
  sessionCode: string | null;
  cohortNames: string[];
  durationSeconds: number;
  labelStatus: LabelStatus;
  /** In SEARCH_FIELDS order, at most MAX_MATCHES_PER_HIT. */
  matches: SearchMatch[];
}

export const MAX_SEARCH_LIMIT = 200;
export const MAX_MATCHES_PER_HIT = 5;
/** Characters kept on each side of the match in a snippet. */
const SNIPPET_RADIUS = 40;
/** Metadata the import writes for its own bookkeeping: a job id matches every short hex query. */
const HIDDEN_METADATA_KEYS = ["importedByJob"];

/** `workspaceIds`: only recordings of these workspaces (those the asker may read); undefined: every workspace. */
export async function searchRecordings(prisma: PrismaClient, text: string, limit = 50, workspaceIds?: readonly string[]): Promise<SearchHit[]> {
  const needle = text.trim();
  if (needle === "") return [];
  const inWorkspaces = workspaceIds ? Prisma.sql`WHERE c."workspaceId" = ANY(${[...workspaceIds]}::uuid[])` : Prisma.empty;
  const pattern = `%${escapeLikePattern(needle)}%`;
  const rows = await prisma.$queryRaw<HitRow[]>`
    WITH hits AS (${hitsQuery(pattern, needle, null)}),
    found AS (SELECT id, bool_or(field = 'name') AS "nameMatch" FROM hits GROUP BY id)
    SELECT r.id::text AS id, r."originalName" AS name, r."trackIndex" AS "trackIndex", r."durationSeconds" AS "durationSeconds",
      r."labelStatus" AS "labelStatus", c.name AS "corpusName", c."workspaceId"::text AS "workspaceId", p.code AS "patientCode", s.code AS "sessionCode",
      ARRAY(SELECT co.name FROM "CohortMembership" m JOIN "Cohort" co ON co.id = m."cohortId" WHERE m."patientId" = r."patientId") AS "cohortNames"
    FROM found f
    JOIN "Recording" r ON r.id = f.id
    JOIN "Corpus" c ON c.id = r."corpusId"
    LEFT JOIN "Patient" p ON p.id = r."patientId"
    LEFT JOIN "StudySession" s ON s.id = r."sessionId"
    ${inWorkspaces}
    ORDER BY f."nameMatch" DESC, lower(r."originalName") COLLATE "C", r."originalName" COLLATE "C", r."trackIndex", r.id
    LIMIT ${Math.max(1, Math.min(MAX_SEARCH_LIMIT, limit))}`;
  if (rows.length === 0) return [];
  const matchRows = await prisma.$queryRaw<MatchRow[]>`
    SELECT h.id::text AS id, h.field, h.text FROM (${hitsQuery(pattern, needle, rows.map((row) => row.id))}) h`;
  const matches = new Map<string, SearchMatch[]>();
  for (const row of matchRows) {
    const list = matches.get(row.id) ?? [];
    const snippet = matchSnippet(row.text, needle);
    if (!list.some((match) => match.field === row.field && match.text === snippet)) list.push({ field: row.field, text: snippet });
    matches.set(row.id, list);
  }
  return rows.map((row) => ({
    recordingId: row.id,
    name: row.name,
    trackIndex: row.trackIndex,
    corpusName: row.corpusName,
    workspaceId: row.workspaceId,
    patientCode: row.patientCode,
    sessionCode: row.sessionCode,
    cohortNames: [...row.cohortNames].sort((a, b) => a.localeCompare(b)),
    durationSeconds: row.durationSeconds,
    labelStatus: (LABEL_STATUSES as readonly string[]).includes(row.labelStatus) ? (row.labelStatus as LabelStatus) : "unlabelled",
    matches: (matches.get(row.id) ?? [])
      .sort((a, b) => SEARCH_FIELDS.indexOf(a.field) - SEARCH_FIELDS.indexOf(b.field) || a.text.localeCompare(b.text))
      .slice(0, MAX_MATCHES_PER_HIT),
  }));
}

/** The user's text as a LIKE pattern that matches it literally: `!` escapes `%`, `_` and itself (used with ESCAPE '!'). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[!%_]/g, (character) => `!${character}`);
}

/**
 * The stretch of `text` around the first case-insensitive occurrence of
 * `needle`: about `radius` characters each side, cut between words.
 */
export function matchSnippet(text: string, needle: string, radius = SNIPPET_RADIUS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const found = flat.toLowerCase().indexOf(needle.toLowerCase());
  const at = Math.max(0, found);
  const matchEnd = found < 0 ? 0 : at + needle.length;
  let start = Math.max(0, at - radius);
  let end = Math.min(flat.length, matchEnd + radius);
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space >= matchEnd) end = space;
  }
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}

interface HitRow {
  id: string;
  name: string;
  trackIndex: number;
  durationSeconds: number;
  labelStatus: string;
  corpusName: string;
  workspaceId: string;
  patientCode: string | null;
  sessionCode: string | null;
  cohortNames: string[];
}

interface MatchRow {
  id: string;
  field: SearchField;
  text: string;
}

/** (recording id, field, matching text) for every match, optionally only for some recordings. */
function hitsQuery(pattern: string, needle: string, ids: readonly string[] | null): Prisma.Sql {
  const like = (column: Prisma.Sql) => Prisma.sql`${column} ILIKE ${pattern} ESCAPE '!'`;
  const only = (column: Prisma.Sql) => (ids ? Prisma.sql`AND ${column} = ANY(${[...ids]}::uuid[])` : Prisma.empty);
  // jsonb's text form escapes only quotes, backslashes and control characters: for any other needle,
  // a match in the document's text is a cheap test before expanding it into key/value pairs.
  const plainNeedle = ![...needle].some((character) => character === '"' || character === "\\" || character.charCodeAt(0) < 0x20);
  const documentMatches = (column: Prisma.Sql) => (plainNeedle ? Prisma.sql`AND ${column}::text ILIKE ${pattern} ESCAPE '!'` : Prisma.empty);
  const entries = (column: Prisma.Sql) => Prisma.sql`jsonb_each_text(CASE WHEN jsonb_typeof(${column}) = 'object' THEN ${column} ELSE '{}'::jsonb END)`;
  return Prisma.sql`
    SELECT r.id, 'name' AS field, r."originalName" AS text FROM "Recording" r
      WHERE ${like(Prisma.sql`r."originalName"`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT r.id, 'patient', p.code FROM "Patient" p JOIN "Recording" r ON r."patientId" = p.id
      WHERE ${like(Prisma.sql`p.code`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT r.id, 'cohort', c.name FROM "Cohort" c JOIN "CohortMembership" m ON m."cohortId" = c.id JOIN "Recording" r ON r."patientId" = m."patientId"
      WHERE ${like(Prisma.sql`c.name`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT r.id, 'session', s.code FROM "StudySession" s JOIN "Recording" r ON r."sessionId" = s.id
      WHERE ${like(Prisma.sql`s.code`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT r.id, 'label', 'human: ' || r."humanEmotion" FROM "Recording" r
      WHERE ${like(Prisma.sql`r."humanEmotion"`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT r.id, 'label', 'model: ' || r."modelEmotion" FROM "Recording" r
      WHERE ${like(Prisma.sql`r."modelEmotion"`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT r.id, 'note', r.note FROM "Recording" r
      WHERE ${like(Prisma.sql`r.note`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT g."recordingId", 'note', g.note FROM "Region" g
      WHERE g."deletedAt" IS NULL AND ${like(Prisma.sql`g.note`)} ${only(Prisma.sql`g."recordingId"`)}
    UNION ALL
    SELECT r.id, 'metadata', e.key || ': ' || e.value FROM "Recording" r CROSS JOIN LATERAL ${entries(Prisma.sql`r.metadata`)} e
      WHERE e.key <> ALL(${HIDDEN_METADATA_KEYS}::text[]) AND ${like(Prisma.sql`e.value`)} ${documentMatches(Prisma.sql`r.metadata`)} ${only(Prisma.sql`r.id`)}
    UNION ALL
    SELECT r.id, 'metadata', e.key || ': ' || e.value FROM "Patient" p CROSS JOIN LATERAL ${entries(Prisma.sql`p.metadata`)} e
      JOIN "Recording" r ON r."patientId" = p.id
      WHERE ${like(Prisma.sql`e.value`)} ${documentMatches(Prisma.sql`p.metadata`)} ${only(Prisma.sql`r.id`)}`;
}
