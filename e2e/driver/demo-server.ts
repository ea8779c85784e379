import type { APIRequest } from "@playwright/test";
import { WorkbenchApi } from "./workbench-api";

/**
 * The second server of playwright.config.ts: DEMO=1 and the default models,
 * so it imports datasets/demo and analyses it with the default model in the
 * background after it starts. Specs that need it call
 * `test.use({ baseURL: DEMO_SERVER_URL })` and wait with
 * WorkbenchApi.waitForIdleJobs before they look at curves.
 */
export const DEMO_SERVER_URL = "http://127.0.0.1:3211";

/** The corpus name the server gives the demo (lib/jobs/demo-seed.ts). */
export const DEMO_CORPUS = "Demo study";

/** The demo's longest session (8.9 min, patient P04, session S3). */
export const LONG_SESSION = { fileName: "P04_S3_interview.opus", patientCode: "P04", sessionCode: "S3" } as const;

/** Another interview, to open by name or patient code. */
export const OTHER_SESSION = { fileName: "P08_S1_interview.opus", patientCode: "P08", sessionCode: "S1" } as const;

/** Importing 90 files and analysing 26 minutes of audio on a loaded 2-core machine. */
export const DEMO_READY_TIMEOUT = 480_000;

/**
 * Waits (in a beforeAll) until the demo server has imported the demo and
 * analysed it: its jobs run in the background after start-up.
 */
export async function waitForDemo(request: APIRequest): Promise<void> {
  const context = await request.newContext({ baseURL: DEMO_SERVER_URL });
  try {
    await new WorkbenchApi(context).waitForIdleJobs(["import", "analyse"], DEMO_READY_TIMEOUT);
  } finally {
    await context.dispose();
  }
}
