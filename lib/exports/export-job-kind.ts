/** The export job's kind, apart from its handler so routes do not bundle the job's file-writing code. */
export const EXPORT_JOB_KIND = "export";
