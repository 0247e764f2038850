import type { Measurement, Throughput } from './stats';
import { percentile } from './stats';

/** PGlite runs in-process on a single core: its time targets are relaxed by this factor. */
export const EMBEDDED_FACTOR = 2.5;

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`.padStart(9);

export function formatMeasurement(m: Measurement, embedded: boolean): string {
  const sorted = [...m.samples].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const target = m.targetP95Ms === null ? null : m.targetP95Ms * (embedded ? EMBEDDED_FACTOR : 1);
  const verdict =
    target === null ? ' '.repeat(24) : `target p95 ≤ ${String(target).padStart(4)} ms ${p95 <= target ? '✓' : '✗'}`;
  return (
    `${m.name.padEnd(28)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(p95)}  p99 ${ms(percentile(sorted, 99))}` +
    `   ${verdict}   (n=${m.samples.length}${m.note ? `, ${m.note}` : ''})`
  );
}

export function formatThroughput(t: Throughput, embedded: boolean): string {
  if (t.rowsPerSecond === null) return `${t.name.padEnd(28)} not available${t.note ? ` (${t.note})` : ''}`;
  const target = t.targetRowsPerSecond / (embedded ? EMBEDDED_FACTOR : 1);
  const verdict = t.rowsPerSecond >= target ? '✓' : '✗';
  return (
    `${t.name.padEnd(28)} ${Math.round(t.rowsPerSecond).toLocaleString('en').padStart(8)} rows/s` +
    `${' '.repeat(38)}target ≥ ${target.toLocaleString('en')} rows/s ${verdict}${t.note ? `   (${t.note})` : ''}`
  );
}
