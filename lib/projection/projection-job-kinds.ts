/**
 * The projection jobs' kinds, apart from their handlers: routes queue jobs by
 * kind, and must not pull the handlers' worker-thread code into the Next.js
 * bundle.
 */
export const PROJECT_JOB_KIND = "project";
export const PLACE_JOB_KIND = "project-place";
export const CLUSTER_JOB_KIND = "cluster";
