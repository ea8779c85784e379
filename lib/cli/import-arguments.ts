import path from "node:path";
import { parseArgs } from "node:util";
import type { ImportJobRequest } from "../corpus/import-job-payload";
import type { JobView } from "../jobs/job-view";

/** Parsing and display for `npm run import`; pure so they are tested without a terminal. */

export const IMPORT_USAGE = `Usage: npm run import -- <folder or file> [options]

Imports audio (WAV, MP3, M4A/AAC, FLAC, Ogg Vorbis/Opus, WebM), emotion2vec+
WebUI output folders and a metadata manifest into a corpus.

Options:
  --corpus NAME          corpus to import into (default: the folder's name)
  --workspace NAME       workspace a new corpus joins (default: Default)
  --manifest FILE        CSV or JSONL manifest (default: manifest.csv/.jsonl or
                         metadata.csv/.jsonl at the top of the folder, if any)
  --manifest-complete    the manifest lists every file: report files it omits
  --split-channels       keep each channel of multichannel files as its own track
  --report FILE          also write the report as CSV to FILE
  -h, --help             show this help

Exit status: 0 when everything was imported (duplicates included), 3 when some
files failed or problems were reported, 1 when the import could not run.`;

export interface ImportCommand {
  request: ImportJobRequest;
  reportPath?: string;
}

/** Thrown for command-line mistakes; the message is printed with the usage. */
export class ImportUsageError extends Error {
  override readonly name = "ImportUsageError";
}

export function parseImportArguments(argv: readonly string[], invocationDirectory: string): ImportCommand | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        corpus: { type: "string" },
        workspace: { type: "string" },
        manifest: { type: "string" },
        "manifest-complete": { type: "boolean", default: false },
        "split-channels": { type: "boolean", default: false },
        report: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new ImportUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw new ImportUsageError(positionals.length === 0 ? "Name a folder or file to import." : "Name exactly one folder or file.");
  }
  const source = path.resolve(invocationDirectory, positionals[0]!);
  return {
    request: {
      corpusName: values.corpus ?? (path.basename(source.replace(/\.[^./]+$/, "")) || "Imported"),
      source: { kind: "path", path: source },
      ...(values.manifest ? { manifestPath: path.resolve(invocationDirectory, values.manifest) } : {}),
      manifestComplete: values["manifest-complete"],
      channelMode: values["split-channels"] ? "split" : "mix",
      ...(values.workspace ? { workspace: values.workspace } : {}),
    },
    ...(values.report ? { reportPath: path.resolve(invocationDirectory, values.report) } : {}),
  };
}

/** One line of progress: a bar, files, megabytes and the current file. */
export function formatImportProgress(job: Pick<JobView, "status" | "progress">, width = 24): string {
  const progress = job.progress;
  if (!progress) return job.status === "queued" ? "waiting for the worker…" : "planning…";
  const fraction = progress.bytesTotal ? (progress.bytesDone ?? 0) / progress.bytesTotal : progress.total ? progress.done / progress.total : 0;
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  const megabytes =
    progress.bytesTotal === undefined
      ? ""
      : `  ${toMegabytes(progress.bytesDone ?? 0)}/${toMegabytes(progress.bytesTotal)} MB`;
  const current = progress.message ? `  ${progress.message}` : "";
  return `${bar} ${progress.done}/${progress.total} ${progress.unit}${megabytes}${current}`;
}

function toMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}
