import { z } from "zod";
import { authorize } from "../auth/authorize";
import { BLINDED_MESSAGE, isBlinded } from "../auth/blinding";
import { blindLabelStatus, blindStatusCounts } from "../domain/blind-label-state";
import type { Database } from "../db/database";
import { workspaceOfCorpus } from "../db/workspace-scope.repository";
import { seesEverything, workspaceFilter } from "../auth/workspace-checks";
import {
  EXPLORER_VIEW_FILTERS,
  type ExplorerFilter,
  type ExplorerListing,
  type ExplorerScope,
  findMissingScopePart,
  listExplorerChildren,
  listExplorerRecordings,
  MAX_EXPLORER_RECORDINGS,
  NO_GROUP,
} from "../db/explorer.repository";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";

/**
 * The explorer tree's HTTP API: the children of the node the query names
 * (no parameters: the corpora), or with `flat=1` every recording below it as
 * one list, each under the chosen filter.
 */

const nodeId = (name: string) =>
  z
    .string()
    .refine((value) => value === NO_GROUP || isUuid(value), { error: `${name} must be a UUID or "${NO_GROUP}"` })
    .transform((value) => value.toLowerCase());

export const explorerQuerySchema = z
  .object({
    corpus: z
      .string()
      .refine(isUuid, { error: "corpus must be a UUID" })
      .transform((value) => value.toLowerCase())
      .optional(),
    cohort: nodeId("cohort").optional(),
    patient: nodeId("patient").optional(),
    session: nodeId("session").optional(),
    filter: z.enum(EXPLORER_VIEW_FILTERS, { error: `filter must be one of ${EXPLORER_VIEW_FILTERS.join(", ")}` }).default("all"),
    lowConfidence: z.coerce
      .number({ error: "lowConfidence must be a number" })
      .gt(0, { error: "lowConfidence must be more than 0" })
      .max(1, { error: "lowConfidence must be at most 1" })
      .default(0.5),
    flat: z.enum(["0", "1", "true", "false"], { error: 'flat must be "1" or "0"' }).optional(),
  })
  .superRefine((query, context) => {
    const below = query.cohort !== undefined || query.patient !== undefined || query.session !== undefined;
    if (!query.corpus && (below || query.flat === "1" || query.flat === "true")) {
      context.addIssue({ code: "custom", path: ["corpus"], message: "corpus is required with cohort, patient, session or flat" });
    }
    if (query.session !== undefined && (query.patient === undefined || query.patient === NO_GROUP)) {
      context.addIssue({ code: "custom", path: ["session"], message: "session needs the patient it belongs to (patient=<id>)" });
    }
    if (query.patient === NO_GROUP && query.cohort !== undefined) {
      context.addIssue({ code: "custom", path: ["patient"], message: `patient=${NO_GROUP} (the corpus's "No patient" node) is not inside a cohort: leave cohort out` });
    }
  });

export type ExplorerQuery = z.infer<typeof explorerQuerySchema>;

/** `askerId`: whose assignments "assigned" lists (null: nobody's). */
export function explorerFilterOf(query: Pick<ExplorerQuery, "filter" | "lowConfidence">, askerId: string | null = null): ExplorerFilter {
  if (query.filter === "low-confidence") return { kind: "low-confidence", below: query.lowConfidence };
  if (query.filter === "assigned") return { kind: "assigned", annotatorId: askerId };
  return { kind: query.filter };
}

export function explorerScopeOf(query: ExplorerQuery): ExplorerScope | null {
  if (!query.corpus) return null;
  return {
    corpusId: query.corpus,
    ...(query.cohort !== undefined ? { cohort: query.cohort } : {}),
    ...(query.patient !== undefined ? { patient: query.patient } : {}),
    ...(query.session !== undefined ? { session: query.session } : {}),
  };
}

export type ExplorerAnswer = { ok: true; listing: ExplorerListing } | { ok: false; status: 404; message: string };

/**
 * `workspaceIds`: the workspaces the asker may read (undefined: all). The
 * root lists only their corpora; a node below a corpus of another workspace
 * answers as a corpus that does not exist. `askerId`: whose assignments the
 * "assigned" filter lists.
 */
export async function readExplorer(database: Database, query: ExplorerQuery, workspaceIds?: readonly string[], askerId: string | null = null): Promise<ExplorerAnswer> {
  const scope = explorerScopeOf(query);
  const filter = explorerFilterOf(query, askerId);
  if (scope) {
    if (workspaceIds) {
      const workspaceId = await workspaceOfCorpus(database.prisma, scope.corpusId);
      if (workspaceId === null || !workspaceIds.includes(workspaceId)) return { ok: false, status: 404, message: `There is no corpus with id ${scope.corpusId}.` };
    }
    const missing = await findMissingScopePart(database.prisma, scope);
    if (missing) {
      const where = missing.part === "corpus" ? "" : missing.part === "session" ? " for that patient" : " in that corpus";
      const extra = missing.part === "patient" && scope.cohort !== undefined ? " (or that cohort)" : "";
      return { ok: false, status: 404, message: `There is no ${missing.part} with id ${missing.id}${where}${extra}.` };
    }
  }
  const flat = query.flat === "1" || query.flat === "true";
  const listing =
    scope && flat
      ? await listExplorerRecordings(database.prisma, scope, filter, MAX_EXPLORER_RECORDINGS)
      : await listExplorerChildren(database.prisma, scope, filter, MAX_EXPLORER_RECORDINGS, workspaceIds);
  return { ok: true, listing };
}

function blindExplorerListing(listing: ExplorerListing): ExplorerListing {
  return {
    ...listing,
    children: listing.children.map((node) =>
      node.kind === "recording"
        ? { ...node, humanEmotion: null, modelEmotion: null, modelConfidence: null, labelStatus: blindLabelStatus(node.labelStatus), statusCounts: blindStatusCounts(node.statusCounts) }
        : { ...node, statusCounts: blindStatusCounts(node.statusCounts) },
    ),
  };
}

export async function serveExplorer(database: Database, request: Pick<Request, "headers">, query: ExplorerQuery): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const answer = await readExplorer(database, query, workspaceFilter(auth.actor), auth.actor.userId);
  if (!answer.ok) return errorResponse(answer.status, answer.message, "EXPLORER_NODE_NOT_FOUND");
  // Below a corpus of a blinded workspace an annotator sees recordings and their status, not labels, nor filters by the model.
  const workspaceId = query.corpus && !seesEverything(auth.actor) ? await workspaceOfCorpus(database.prisma, query.corpus) : null;
  if (workspaceId !== null && (await isBlinded(database, auth.actor, workspaceId))) {
    if (query.filter === "disagree" || query.filter === "low-confidence") return errorResponse(403, BLINDED_MESSAGE, "BLINDED");
    return Response.json(blindExplorerListing(answer.listing), { headers: { "Cache-Control": "no-store" } });
  }
  return Response.json(answer.listing, { headers: { "Cache-Control": "no-store" } });
}
