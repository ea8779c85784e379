import type { startImport } from "@/app/actions/import-actions";

/** What the dialog's option fields hold, shared by both tabs. */
export interface ImportFormOptions {
  corpusName: string;
  /** Under the import roots (folder tab) or relative to the upload (upload tab); empty: none, or manifest.csv at the top if present. */
  manifestPath: string;
  manifestComplete: boolean;
  /** Keep each channel of a multichannel file as its own track instead of mixing to mono. */
  splitChannels: boolean;
}

export const INITIAL_IMPORT_OPTIONS: ImportFormOptions = {
  corpusName: "",
  manifestPath: "",
  manifestComplete: false,
  splitChannels: false,
};

export type ImportRequest = Parameters<typeof startImport>[0];
export type ImportSource = ImportRequest["source"];

export function toImportRequest(options: ImportFormOptions, source: ImportSource): ImportRequest {
  const manifestPath = options.manifestPath.trim();
  return {
    corpusName: options.corpusName.trim(),
    source,
    ...(manifestPath ? { manifestPath } : {}),
    manifestComplete: options.manifestComplete,
    channelMode: options.splitChannels ? "split" : "mix",
  };
}
