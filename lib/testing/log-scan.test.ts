import { describe, expect, it } from "vitest";
import { patientCodesOfManifest, scanLog } from "./log-scan";

const forbidden = { patientCodes: ["P04", "P10"], secrets: ["correct horse battery staple"] };

describe("scanning logs for leaks", () => {
  it("finds patient codes as whole codes, in file names too", () => {
    const log = ["Importing 90 files", "cannot decode P04_S3_interview.opus", "job 3f2a done", "P045 is another code", "patient=P10"].join("\n");
    expect(scanLog(log, forbidden)).toEqual([
      { line: 2, kind: "patient code" },
      { line: 5, kind: "patient code" },
    ]);
  });

  it("finds secrets by pattern and by value, naming the kind only", () => {
    const log = [
      "set-cookie: resonance_session=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
      "token rsn_Zm9vYmFyYmF6cXV4cXV1eHh4eHh4",
      "Authorization: Bearer abcdefghijklmnopqrstuvwxyz",
      "stored scrypt$N=131072,r=8,p=1$salt$hash",
      "DATABASE_URL=postgresql://app:hunter2@db/resonance",
      "password was correct horse battery staple",
      "DATABASE_URL=postgresql://app:***@db/resonance",
    ].join("\n");
    const leaks = scanLog(log, forbidden);
    expect(leaks.map((leak) => `${leak.line} ${leak.kind}`)).toEqual([
      "1 session cookie",
      "2 API token",
      "3 bearer credential",
      "4 password hash",
      "5 database password",
      "6 known secret",
    ]);
    expect(JSON.stringify(leaks)).not.toContain("hunter2");
  });

  it("reads patient codes from a manifest", () => {
    expect(patientCodesOfManifest("path,patient,cohort\na.opus,P01,control\nb.opus,P02,anxiety\nc.opus,P01,control\nd.opus,,x\n")).toEqual(["P01", "P02"]);
    expect(patientCodesOfManifest("path,cohort\na,b\n")).toEqual([]);
  });
});
