import { z } from "zod";
import { StatisticsInputError } from "../domain/statistics/statistics-input-error";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { CohortError, cohortErrorStatus } from "./cohort-error";

/** What the cohort routes share: id validation, JSON answers, and typed errors turned into statuses. */

const UUID_MESSAGE = "must be a UUID (8-4-4-4-12 hexadecimal digits)";

export const uuidSchema = z
  .string({ error: UUID_MESSAGE })
  .refine(isUuid, { error: UUID_MESSAGE })
  .transform((value) => value.toLowerCase());

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}


/** Runs a handler; a CohortError answers with its status and code, a statistics refusal with 400. */
export async function answerCohortErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CohortError) return errorResponse(cohortErrorStatus(error.code), error.message, error.code);
    if (error instanceof StatisticsInputError) return errorResponse(400, error.message, error.code);
    throw error;
  }
}
