import { serveModels, serverModelsDir } from "@/lib/inference/serve-models";

// The folder is read on every request, so a model dropped into MODELS_DIR shows up without a restart.
export const dynamic = "force-dynamic";

/** The models under MODELS_DIR the workbench can run, and the folders it cannot with their reasons. */
export async function GET(): Promise<Response> {
  return serveModels(serverModelsDir());
}
