import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * Server actions are public endpoints: one called from another site's page
 * (a cross-origin POST carrying the victim's cookies) must be refused, while
 * the same call from the workbench's own origin is answered.
 */

interface ServerReferenceManifest {
  node: Record<string, { filename: string; exportedName: string }>;
}

function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", ".next", "server", "server-reference-manifest.json"), "utf8")) as ServerReferenceManifest;
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`no server action named ${exportedName} in the build`);
  return entry[0];
}

test("refuses a server action called from another origin and answers the same call from its own", async ({ request, baseURL }) => {
  const id = actionId("cancelJob");
  const call = (origin: string) =>
    request.post("/", {
      headers: { "Next-Action": id, Origin: origin, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify(["not-a-job-id"]),
    });
  const own = await call(new URL(baseURL!).origin);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("That is not a job id.");
  const foreign = await call("https://evil.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain("That is not a job id.");
});
