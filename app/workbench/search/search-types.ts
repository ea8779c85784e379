/**
 * What GET /api/search answers ({ hits }). Type-only, like api-types.ts
 * (erased at build time, so no server code reaches the bundle); move these
 * lines into api-types.ts when it is next touched.
 */
import type { SearchHit } from "../api-types";

export type { SearchField, SearchHit, SearchMatch } from "../api-types";

export interface SearchResponse {
  hits: SearchHit[];
}
