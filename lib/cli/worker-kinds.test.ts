import { describe, expect, it } from "vitest";
import { parseWorkerEnvironment } from "../config/env";
import { WorkerConfigurationError } from "./worker-errors";
import { resolveWorkerKinds } from "./worker-kinds";

describe("WORKER_KINDS", () => {
  it("defaults to analyses only", () => {
    expect(resolveWorkerKinds(parseWorkerEnvironment({}).WORKER_KINDS)).toEqual(["analyse"]);
    expect(resolveWorkerKinds(parseWorkerEnvironment({ WORKER_KINDS: "" }).WORKER_KINDS)).toEqual(["analyse"]);
  });

  it("reads a comma-separated list, ignoring spaces, empty entries and repeats", () => {
    const { WORKER_KINDS } = parseWorkerEnvironment({ WORKER_KINDS: " analyse, project ,,cluster,analyse" });
    expect(resolveWorkerKinds(WORKER_KINDS)).toEqual(["analyse", "project", "cluster"]);
  });

  it("refuses a list with no kind in it", () => {
    expect(() => parseWorkerEnvironment({ WORKER_KINDS: " , " })).toThrow(/WORKER_KINDS: name at least one job kind/);
  });

  it("refuses imports, saying they belong to the server", () => {
    expect(() => resolveWorkerKinds(["analyse", "import"])).toThrow(WorkerConfigurationError);
    expect(() => resolveWorkerKinds(["import"])).toThrow(/cannot run import jobs: they read folders and uploads on the server's machine/);
  });

  it("names unknown kinds and lists the ones it can run", () => {
    expect(() => resolveWorkerKinds(["analyse", "analyze", "umap"])).toThrow(
      'WORKER_KINDS: unknown job kinds "analyze", "umap"; a worker can run analyse, project, project-place, cluster, export.',
    );
  });
});
