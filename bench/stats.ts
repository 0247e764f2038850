/** Timing and percentiles for the benchmark; nothing here knows what is measured. */

export interface Measurement {
  name: string;
  /** Milliseconds per operation, one per sample. */
  samples: number[];
  /** The p95 target in milliseconds on PostgreSQL (PGlite gets EMBEDDED_FACTOR times as much); null for reference rows. */
  targetP95Ms: number | null;
  /** Extra information for the report, e.g. how many results came back on average. */
  note?: string;
}

export interface Throughput {
  name: string;
  rowsPerSecond: number | null;
  targetRowsPerSecond: number;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs each input once untimed (warm caches and plans), then once timed, in order. */
export async function measure<T>(
  inputs: T[],
  run: (input: T, timed: boolean) => Promise<unknown>,
  warmup = 100,
): Promise<number[]> {
  for (const input of inputs.slice(0, warmup)) await run(input, false);
  const samples: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input, true);
    samples.push(performance.now() - started);
  }
  return samples;
}
