import type {
  CreateMigrationInput,
  CreateMigrationOutput,
  EvaluateDataLossInput,
  EvaluateDataLossOutput,
  MigrationFeedback,
  SchemaEngine,
} from "@prisma/schema-engine-wasm";

/**
 * `createMigration` and `evaluateDataLoss` in the WASM engine (8.1.0-2) fail on
 * PostgreSQL with "shadow DB must be provided through an external factory":
 * unlike `diff` and `diagnoseMigrationHistory`, they never ask the adapter for
 * a shadow database. Both are answered here from `diff` (migrations → schema),
 * which replays the migrations on a shadow database from our adapter factory.
 */

async function migrationScript(
  engine: SchemaEngine,
  input: Pick<CreateMigrationInput, "migrationsList" | "schema" | "filters">,
): Promise<string> {
  const result = await engine.diff({
    from: { tag: "migrations", ...input.migrationsList },
    to: { tag: "schemaDatamodel", ...input.schema },
    script: true,
    exitCode: null,
    filters: input.filters,
  });
  return result.stdout ?? "";
}

/** The engine writes one `-- StepName` comment before each step of a script. */
export function scriptSteps(script: string): string[] {
  const steps: string[] = [];
  let current: string[] | undefined;
  for (const line of script.split("\n")) {
    if (/^-- [A-Z][A-Za-z]*$/.test(line)) {
      if (current) steps.push(current.join("\n").trim());
      current = [line];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) steps.push(current.join("\n").trim());
  return steps;
}

// Statements that can destroy data already in the dev database. The native
// engine also counts affected rows; we warn on the statement itself.
const DESTRUCTIVE: { pattern: RegExp; describe: (match: RegExpMatchArray) => string }[] = [
  { pattern: /DROP TABLE "([^"]+)"/, describe: (m) => `You are about to drop the table \`${m[1]}\`; any rows in it will be lost.` },
  { pattern: /ALTER TABLE "([^"]+)"[^;]*DROP COLUMN "([^"]+)"/, describe: (m) => `You are about to drop the column \`${m[2]}\` on \`${m[1]}\`; its data will be lost.` },
  { pattern: /ALTER TABLE "([^"]+)"[^;]*ALTER COLUMN "([^"]+)" SET DATA TYPE/, describe: (m) => `The column \`${m[2]}\` on \`${m[1]}\` changes type; values that do not convert will fail or be lost.` },
  { pattern: /DROP TYPE "([^"]+)"/, describe: (m) => `You are about to drop the enum \`${m[1]}\`.` },
];

export function dataLossWarnings(steps: readonly string[]): MigrationFeedback[] {
  const warnings: MigrationFeedback[] = [];
  steps.forEach((step, stepIndex) => {
    for (const rule of DESTRUCTIVE) {
      const match = step.match(rule.pattern);
      if (match) warnings.push({ message: rule.describe(match), stepIndex });
    }
  });
  return warnings;
}

export async function evaluateDataLossFromDiff(
  engine: SchemaEngine,
  input: EvaluateDataLossInput,
): Promise<EvaluateDataLossOutput> {
  const steps = scriptSteps(await migrationScript(engine, input));
  return { migrationSteps: steps.length, unexecutableSteps: [], warnings: dataLossWarnings(steps) };
}

export async function createMigrationFromDiff(
  engine: SchemaEngine,
  input: CreateMigrationInput,
  now: Date,
): Promise<CreateMigrationOutput> {
  const script = await migrationScript(engine, input);
  const empty = scriptSteps(script).length === 0;
  return {
    connectorType: "postgresql",
    generatedMigrationName: migrationDirectoryName(now, input.migrationName),
    // Like the native engine: nothing to write unless there are changes or a draft was asked for.
    migrationScript: empty ? (input.draft ? "-- This is an empty migration.\n" : null) : script,
    extension: "sql",
  };
}

/** `YYYYMMDDHHMMSS_name` in UTC, the native engine's naming. */
export function migrationDirectoryName(now: Date, name: string): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return name ? `${stamp}_${name}` : stamp;
}
