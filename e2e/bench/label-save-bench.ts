/**
 * Label-save round trips as the editor makes them: POST an edit naming the
 * version it was based on, wait for the new state. Alternates creating a
 * region and labelling it, the commonest pair while annotating.
 */
const EMOTIONS = ["angry", "happy", "neutral", "sad", "surprised"] as const;

export async function measureLabelSaves(url: string, recordingId: string, durationSeconds: number, saves: number): Promise<Record<string, number>> {
  const endpoint = `${url}/api/recordings/${recordingId}/labels`;
  let state = (await (await fetch(endpoint)).json()) as { version: number };
  const timings: number[] = [];
  for (let index = 0; index < saves; index++) {
    const pair = Math.floor(index / 2);
    const regionId = regionIdFor(pair);
    const start = (pair * 7.3) % (durationSeconds - 5);
    const edit =
      index % 2 === 0
        ? { kind: "region.create", regionId, startSeconds: start, endSeconds: start + 2.5 }
        : { kind: "label.set", regionId, emotion: EMOTIONS[pair % EMOTIONS.length] };
    const started = performance.now();
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ expectedVersion: state.version, edit }),
    });
    const body = (await response.json()) as { version: number };
    timings.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`label save ${index} answered ${response.status}: ${JSON.stringify(body)}`);
    state = body;
  }
  return summarise(timings);
}

function regionIdFor(pair: number): string {
  return `00000000-0000-4000-8000-${pair.toString(16).padStart(12, "0")}`;
}

export function summarise(milliseconds: readonly number[]): Record<string, number> {
  const sorted = [...milliseconds].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { count: sorted.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1)!) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
