import { describe, expect, it } from "vitest";
import { dataLossWarnings, migrationDirectoryName, scriptSteps } from "./migration-from-diff";

const script = `-- DropForeignKey
ALTER TABLE "Label" DROP CONSTRAINT "Label_regionId_fkey";

-- AlterTable
ALTER TABLE "Recording" DROP COLUMN "format",
ADD COLUMN "codec" TEXT;

-- AlterTable
ALTER TABLE "Job" ALTER COLUMN "priority" SET DATA TYPE BIGINT;

-- DropTable
DROP TABLE "Region";

-- CreateTable
CREATE TABLE "Probe" ("id" INTEGER NOT NULL);
`;

describe("scriptSteps", () => {
  it("splits a diff script at the engine's step comments", () => {
    const steps = scriptSteps(script);
    expect(steps).toHaveLength(5);
    expect(steps[0]).toBe('-- DropForeignKey\nALTER TABLE "Label" DROP CONSTRAINT "Label_regionId_fkey";');
    expect(steps[4]).toContain('CREATE TABLE "Probe"');
  });

  it("finds no steps in an empty migration", () => {
    expect(scriptSteps("-- This is an empty migration.\n")).toEqual([]);
    expect(scriptSteps("")).toEqual([]);
  });
});

describe("dataLossWarnings", () => {
  it("warns on dropped tables and columns and on type changes, with their step", () => {
    const warnings = dataLossWarnings(scriptSteps(script));
    expect(warnings).toEqual([
      { stepIndex: 1, message: "You are about to drop the column `format` on `Recording`; its data will be lost." },
      { stepIndex: 2, message: expect.stringContaining("`priority` on `Job` changes type") },
      { stepIndex: 3, message: "You are about to drop the table `Region`; any rows in it will be lost." },
    ]);
  });

  it("does not warn on additive steps or dropped constraints", () => {
    expect(dataLossWarnings(['-- CreateTable\nCREATE TABLE "A" ()', '-- DropForeignKey\nALTER TABLE "B" DROP CONSTRAINT "x";'])).toEqual([]);
  });
});

describe("migrationDirectoryName", () => {
  it("uses a UTC timestamp to the second, like Prisma's engine", () => {
    expect(migrationDirectoryName(new Date("2026-03-04T05:06:07.890Z"), "add_codec")).toBe("20260304050607_add_codec");
  });
});
