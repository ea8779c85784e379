import { notFound } from "next/navigation";
import { ScatterBench } from "./scatter-bench";

/**
 * /bench/scatter?n=100000&seed=1: the projection scatter with N synthetic
 * points, for the scatter benchmark and its end-to-end test. It exists only
 * when the server runs with RESONANCE_BENCH_PAGES=1, and is rendered per
 * request so a build made without that variable does not bake in a 404.
 */
export const dynamic = "force-dynamic";

const DEFAULT_POINTS = 100_000;
const MAX_POINTS = 5_000_000;

export default async function ScatterBenchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (process.env.RESONANCE_BENCH_PAGES !== "1") notFound();
  const params = await searchParams;
  return <ScatterBench pointCount={integerParam(params.n, DEFAULT_POINTS, 1, MAX_POINTS)} seed={integerParam(params.seed, 1, 0, 2 ** 31)} />;
}

function integerParam(raw: string | string[] | undefined, fallback: number, min: number, max: number): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}
