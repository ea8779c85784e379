import { serveAgreement } from "@/lib/annotations/serve-annotations";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** ?corpus=<id>[&cohort=<id>]: Cohen's kappa per pair with confusion matrices, Fleiss' kappa, Krippendorff's alpha, per emotion. */
export async function GET(request: Request): Promise<Response> {
  return serveAgreement(await getServerDatabase(), request);
}
