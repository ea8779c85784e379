/**
 * What GET /api/problems answers ({ problems }). Type-only, like
 * api-types.ts (erased at build time); move these lines into api-types.ts
 * when it is next touched.
 */
import type { Problem } from "../api-types";

export type { Problem } from "../api-types";

export interface ProblemsResponse {
  problems: Problem[];
}
