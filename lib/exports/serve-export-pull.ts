import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type AuthenticatedToken, authenticateApiRequest } from "../auth/authenticate-request";
import { refuseOutsideWorkspaces, workspaceFilter } from "../auth/workspace-checks";
import { readServerEnvironment } from "../config/env";
import { serveFileRange } from "../corpus/serve-file-range";
import type { Database } from "../db/database";
import { findSucceededExport, listSucceededExports, type SucceededExportSummary } from "../db/export.repository";
import { recordAuditEvent } from "../db/audit.repository";
import { workspacesOfExport } from "../db/selection-workspaces.repository";
import { getServerDatabase } from "../db/server-database";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { exportArchivePath } from "./export-paths";

/**
 * The export pull API, for training scripts on other machines:
 * GET /api/exports, GET /api/exports/:id and GET /api/exports/:id/archive,
 * each behind an API token with `exports:read`. The token is checked before
 * anything is looked up, so without one nobody learns which exports exist.
 * With accounts on, the token's user must also hold "export" in every
 * workspace the export's selection names: others' exports are not listed and
 * their ids answer 404, as if they did not exist.
 */

export interface ExportPullContext {
  database: Database;
  /** Absolute DATA_DIR; archives are under `<dataDir>/exports/`. */
  dataDir: string;
  /** Injected by tests to age tokens; the wall clock otherwise. */
  now?: Date;
}

export interface ExportFileEntry {
  /** Relative to the export's folder, forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ExportSummaryJson {
  id: string;
  name: string;
  createdAt: string;
  finishedAt: string | null;
  /** Per split, per label, as the export job counted them. */
  counts: unknown;
  manifestHash: string | null;
}

export interface ExportListJson {
  exports: ExportSummaryJson[];
}

export interface ExportDetailJson {
  export: ExportSummaryJson & { definition: unknown; files: ExportFileEntry[]; archiveUrl: string };
}

const fileEntriesSchema = z.array(
  z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
);

// Only a token holder sees these answers; nothing on the way may keep them.
const CACHE_CONTROL = "private, no-store";

export async function serveExportList(context: ExportPullContext, request: Pick<Request, "headers">): Promise<Response> {
  const auth = await authenticateApiRequest(context.database, request, "exports:read", context.now);
  if (!auth.ok) return auth.response;
  const workspaceIds = workspaceFilter(auth.token.actor, "export");
  const exports = await listSucceededExports(context.database.prisma, workspaceIds ? { workspaceIds } : {});
  return json({ exports: exports.map(toSummaryJson) } satisfies ExportListJson);
}

export async function serveExportDetail(context: ExportPullContext, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authenticateApiRequest(context.database, request, "exports:read", context.now);
  if (!auth.ok) return auth.response;
  const refused = await refuseOutsideExport(context.database, auth.token, id);
  if (refused) return refused;
  const found = isUuid(id) ? await findSucceededExport(context.database.prisma, id.toLowerCase()) : null;
  if (!found) return exportNotFound(id);
  const { definition, files, ...summary } = found;
  return json({
    export: { ...toSummaryJson(summary), definition, files: fileEntries(found.id, files), archiveUrl: `/api/exports/${found.id}/archive` },
  } satisfies ExportDetailJson);
}

/**
 * The export's archive, streamed from disk with Range, suffix ranges, 416 and
 * If-Range, so an interrupted download resumes where it stopped.
 *
 * ETag: the archive's SHA-256 when the export's file list has an entry for
 * the archive (`<id>.zip`, same size); otherwise `"<id>-<size>-<mtime>"`,
 * which is strong because a succeeded export is never rewritten in place:
 * any other bytes would come with another size or modification time.
 * Hashing a many-gigabyte archive on first request is what this avoids.
 */
export async function serveExportArchive(
  context: ExportPullContext,
  request: Pick<Request, "method" | "headers">,
  id: string,
): Promise<Response> {
  const auth = await authenticateApiRequest(context.database, request, "exports:read", context.now);
  if (!auth.ok) return auth.response;
  const refused = await refuseOutsideExport(context.database, auth.token, id);
  if (refused) return refused;
  const found = isUuid(id) ? await findSucceededExport(context.database.prisma, id.toLowerCase()) : null;
  if (!found) return exportNotFound(id);
  const archivePath = exportArchivePath(context.dataDir, found.id);
  const missing = () =>
    errorResponse(404, `The archive of export "${found.name}" (${found.id}) is missing from the data folder; run the export again.`, "EXPORT_ARCHIVE_MISSING");
  const info = await stat(archivePath).catch(() => null);
  if (!info?.isFile()) return missing();
  const response = await serveFileRange({
    filePath: archivePath,
    contentType: "application/zip",
    etag: archiveEtag(found.id, path.basename(archivePath), info, fileEntries(found.id, found.files)),
    cacheControl: CACHE_CONTROL,
    request,
    contentDisposition: archiveDisposition(found.name, found.id),
  });
  if (!response) return missing();
  // A resumed download is a download too; HEAD and answers without bytes (304, 416) are not.
  if (request.method !== "HEAD" && (response.status === 200 || response.status === 206)) {
    await recordAuditEvent(context.database.prisma, {
      actorId: auth.token.userId,
      actorName: auth.token.actor.username,
      action: "export.download",
      targetType: "export",
      targetId: found.id,
      address: auth.token.address,
      details: { exportId: found.id, tokenId: auth.token.tokenId, partial: response.status === 206 },
    });
  }
  return response;
}

/** 404 (as for a missing export) unless the token's user may export from every workspace the export's selection names. */
async function refuseOutsideExport(database: Database, token: AuthenticatedToken, id: string): Promise<Response | null> {
  const workspaces = async () => (isUuid(id) ? workspacesOfExport(database.prisma, id.toLowerCase()) : []);
  return refuseOutsideWorkspaces(token.actor, "export", workspaces, () => exportNotFound(id));
}

/** The context route handlers use: the server's database and DATA_DIR. */
export async function serverExportPullContext(): Promise<ExportPullContext> {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), readServerEnvironment().DATA_DIR);
  return { database: await getServerDatabase(), dataDir };
}

/** `attachment; filename="<name>-<first 8 of id>.zip"`, the name reduced to safe ASCII, with the full name as filename*. */
export function archiveDisposition(name: string, id: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 80);
  const short = id.slice(0, 8);
  const fallback = `${ascii || "export"}-${short}.zip`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(`${name}-${short}.zip`)}`;
}

function archiveEtag(id: string, archiveName: string, info: { size: number; mtimeMs: number }, files: ExportFileEntry[]): string {
  const listed = files.find((file) => file.path === archiveName && file.bytes === info.size);
  if (listed) return `"${listed.sha256}"`;
  return `"${id}-${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
}

function fileEntries(id: string, files: unknown): ExportFileEntry[] {
  if (files === null || files === undefined) return [];
  const parsed = fileEntriesSchema.safeParse(files);
  // The export job writes this column; a bad shape is a bug there, not the client's fault.
  if (!parsed.success) throw new Error(`export ${id} has a malformed file list: ${parsed.error.issues[0]?.message ?? "unknown problem"}`);
  return parsed.data;
}

function toSummaryJson(row: SucceededExportSummary): ExportSummaryJson {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    counts: row.counts,
    manifestHash: row.manifestHash,
  };
}

function exportNotFound(id: string): Response {
  return errorResponse(404, `There is no finished export with id ${isUuid(id) ? id : "(malformed)"}.`, "EXPORT_NOT_FOUND");
}

function json(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": CACHE_CONTROL } });
}
