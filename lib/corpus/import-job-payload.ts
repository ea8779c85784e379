import { z } from "zod";

/** The `import` job's payload: what to import, into which corpus, how. */
export const IMPORT_JOB_KIND = "import";

export const importJobPayloadSchema = z.object({
  corpusName: z.string().trim().min(1, "corpus name is empty").max(200),
  source: z.discriminatedUnion("kind", [
    /** A folder or a single file under the import roots. */
    z.object({ kind: z.literal("path"), path: z.string().min(1) }),
    /** Files a browser uploaded into DATA_DIR/uploads/<uploadId>. */
    z.object({ kind: z.literal("upload"), uploadId: z.string().regex(/^[0-9a-f-]{36}$/, "not an upload id") }),
  ]),
  /** A manifest file; a path under the import roots, or relative to an upload. */
  manifestPath: z.string().min(1).optional(),
  /** The manifest lists every file: files without a row are reported. */
  manifestComplete: z.boolean().default(false),
  /** Multichannel files: mix to mono (default) or keep each channel as a track. A manifest row can override. */
  channelMode: z.enum(["mix", "split"]).default("mix"),
  /** The workspace a new corpus joins, by name; Default when not given. An existing corpus stays where it is. */
  workspace: z.string().trim().min(1, "workspace name is empty").max(200).optional(),
});

export type ImportJobPayload = z.infer<typeof importJobPayloadSchema>;
export type ImportJobRequest = z.input<typeof importJobPayloadSchema>;
