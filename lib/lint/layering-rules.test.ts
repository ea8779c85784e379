import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layering rules are only worth having if they fire: lint small snippets
// as if they lived at given paths and check which rules report.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..", "..") });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("layering lint rules", () => {
  it("keeps lib/domain free of Node, framework and database imports", async () => {
    expect(await ruleIdsFor('import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', "lib/domain/x.ts")).toContain(
      "no-restricted-imports",
    );
    expect(await ruleIdsFor('import { useState } from "react";\nexport const x = useState;\n', "lib/domain/x.ts")).toContain(
      "no-restricted-imports",
    );
    expect(await ruleIdsFor('import { PrismaClient } from "../db/generated/client";\nexport const x = PrismaClient;\n', "lib/domain/x.ts")).toContain(
      "no-restricted-imports",
    );
  });

  it("stops lib/ from importing app/", async () => {
    expect(await ruleIdsFor('import { x } from "@/app/page";\nexport const y = x;\n', "lib/jobs/x.ts")).toContain("no-restricted-imports");
  });

  it("keeps the Prisma client inside lib/db", async () => {
    const code = 'import { PrismaClient } from "@/lib/db/generated/client";\nexport const x = PrismaClient;\n';
    expect(await ruleIdsFor(code, "lib/jobs/x.ts")).toContain("no-restricted-imports");
    expect(await ruleIdsFor(code, "lib/db/x.ts")).not.toContain("no-restricted-imports");
  });

  it("stops client components from importing server modules", async () => {
    const code = '"use client";\nimport { getServerDatabase } from "@/lib/db/server-database";\nexport const x = getServerDatabase;\n';
    expect(await ruleIdsFor(code, "app/workbench/x.tsx")).toContain("resonance/no-server-imports-in-client");
    // The same import in a server module is fine.
    expect(await ruleIdsFor(code.replace('"use client";\n', ""), "app/api/x/route.ts")).not.toContain(
      "resonance/no-server-imports-in-client",
    );
  });

  it("rejects export * and .only", async () => {
    expect(await ruleIdsFor('export * from "./y";\n', "lib/domain/x.ts")).toContain("no-restricted-syntax");
    expect(await ruleIdsFor('import { it } from "vitest";\nit.only("x", () => {});\n', "lib/domain/x.test.ts")).toContain(
      "no-restricted-syntax",
    );
  });
});
