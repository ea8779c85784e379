import type { z } from "zod";

/** A refused request body in one line, each problem with its field: "cells.4.settings.view.cohortIds: must list at least two cohorts; title: must not be empty". */
export function problemsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const name = issue.path.map(String).join(".");
      return name ? `${name}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
