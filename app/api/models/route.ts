import { authorize } from "@/lib/auth/authorize";
import { getServerDatabase } from "@/lib/db/server-database";
import { serveModels, serverModelsDir } from "@/lib/inference/serve-models";

// The folder is read on every request, so a model dropped into MODELS_DIR shows up without a restart.
export const dynamic = "force-dynamic";

/** The models under MODELS_DIR the workbench can run, and the folders it cannot with their reasons; any logged-in user (the list is global). */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorize(await getServerDatabase(), request, "read");
  if (!auth.ok) return auth.response;
  return serveModels(serverModelsDir());
}
