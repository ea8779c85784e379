import path from "node:path";
import { importRootsFrom, readServerEnvironment } from "../config/env";
import { type AudioStore, openAudioStore } from "./audio-store";

/**
 * What route handlers and server actions need to reach stored audio and the
 * import roots. The server runs from the project folder (`npm start`), so
 * relative settings resolve against the working directory there.
 */
export interface ServerCorpusSettings {
  dataDir: string;
  store: AudioStore;
  importRoots: string[];
  uploadMaxBytes: number;
}

export function serverCorpusSettings(): ServerCorpusSettings {
  const environment = readServerEnvironment();
  const projectRoot = process.cwd();
  const dataDir = path.resolve(/*turbopackIgnore: true*/ projectRoot, environment.DATA_DIR);
  return {
    dataDir,
    store: openAudioStore(dataDir),
    importRoots: importRootsFrom(environment, projectRoot),
    uploadMaxBytes: environment.UPLOAD_MAX_BYTES,
  };
}
