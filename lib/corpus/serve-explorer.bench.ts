import { createTestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { seedManyRecordings } from "../db/testing/seed-many-recordings";
import { explorerQuerySchema, readExplorer } from "./serve-explorer";

/**
 * Explorer latency on a 100,000-recording corpus (500 patients in 8 cohorts,
 * 4 sessions each), on the embedded database, or on PostgreSQL when
 * TEST_DATABASE_URL is set: the seeding time, then each tree level and the
 * flat list, median of five after one warm-up.
 */
export async function runExplorerBenchmark(recordings = 100_000): Promise<Record<string, unknown>> {
  const database = await createTestDatabase();
  try {
    const seeded = await seedManyRecordings(database.prisma, { corpusName: "Bench", recordings, patients: 500, cohorts: 8, sessionsPerPatient: 4 });
    const patient = seeded.patients.find((entry) => entry.cohorts.length > 0)!;
    const time = async (text: string) => {
      const query = explorerQuerySchema.parse(Object.fromEntries(new URLSearchParams(text)));
      const runs: number[] = [];
      let children = 0;
      for (let run = 0; run < 6; run++) {
        const started = performance.now();
        const answer = await readExplorer(database, query);
        runs.push(performance.now() - started);
        if (answer.ok) children = answer.listing.children.length;
      }
      const sorted = runs.slice(1).sort((a, b) => a - b);
      return { query: text, children, medianMs: Math.round(sorted[2]! * 10) / 10 };
    };
    const corpus = `corpus=${seeded.corpusId}`;
    return {
      database: testDatabaseMode(),
      recordings,
      seedSeconds: Math.round(seeded.seconds * 10) / 10,
      levels: [
        await time(""),
        await time(corpus),
        await time(`${corpus}&filter=no-label`),
        await time(`${corpus}&filter=low-confidence&lowConfidence=0.5`),
        await time(`${corpus}&filter=disagree`),
        await time(`${corpus}&cohort=${seeded.cohorts[0]!.id}`),
        await time(`${corpus}&cohort=none`),
        await time(`${corpus}&patient=${patient.id}`),
        await time(`${corpus}&patient=none`),
        await time(`${corpus}&flat=1&filter=disagree`),
        await time(`${corpus}&flat=1`),
      ],
    };
  } finally {
    await database.destroy();
  }
}
