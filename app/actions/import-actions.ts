"use server";

import { authorize } from "@/lib/auth/authorize";
import { importJobPayloadSchema, type ImportJobRequest } from "@/lib/corpus/import-job-payload";
import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { serveImportRequest } from "@/lib/corpus/serve-imports";
import { getServerDatabase } from "@/lib/db/server-database";
import { sanitiseUploadPath } from "@/lib/corpus/upload-path";
import { uploadExists } from "@/lib/corpus/upload-receive";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { actionRequest, actionResult } from "./action-request";

/** Expected failures come back as values, for the dialog to show; only bugs throw. */
export type StartImportResult = { ok: true; jobId: string } | { ok: false; error: string };

/**
 * Queues an import from a folder under the import roots or from a finished
 * browser upload. Every field is checked here: a server action is a public
 * endpoint whatever the form that calls it.
 */
export async function startImport(request: ImportJobRequest): Promise<StartImportResult> {
  // Before anything is looked at: the upload checks below must not answer someone who may not import.
  const refused = await authorize(await getServerDatabase(), await actionRequest(), "manageWorkspace");
  if (!refused.ok) return { ok: false, error: ((await refused.response.json()) as { error: string }).error };
  const parsed = importJobPayloadSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`);
    return { ok: false, error: `The import request is invalid. ${problems.join("; ")}` };
  }
  const payload = parsed.data;
  const settings = serverCorpusSettings();
  if (payload.source.kind === "upload") {
    if (!(await uploadExists(settings.dataDir, payload.source.uploadId))) {
      return { ok: false, error: "The upload to import no longer exists; upload the files again." };
    }
    if (payload.manifestPath !== undefined) {
      // Uploaded files were stored under sanitised names, so the manifest is looked up the same way.
      const manifestPath = sanitiseUploadPath(payload.manifestPath);
      if (manifestPath === null) return { ok: false, error: `The manifest path "${payload.manifestPath}" is not a usable file name.` };
      payload.manifestPath = manifestPath;
    }
  }
  const response = await serveImportRequest(
    { database: await getServerDatabase(), queue: await getServerJobQueue(), importRoots: settings.importRoots },
    await actionRequest(),
    payload,
  );
  const result = await actionResult<{ id: string }>(response, (job) => ({ jobId: job.id }));
  return result.ok ? { ok: true, jobId: String(result.jobId) } : result;
}
