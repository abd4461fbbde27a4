import type { Metric } from './metric';

const HEADERS = ['benchmark', 'measured', 'target', 'met'] as const;

function metText(met: boolean | null): string {
  if (met === null) return '—';
  return met ? 'yes' : 'NO';
}

/** Renders metrics as an aligned text table: benchmark, measured value, target, met (yes / NO / — for info). */
export function formatTable(metrics: readonly Metric[]): string {
  const rows: string[][] = metrics.map((m) => [m.label, m.measured, m.target, metText(m.met)]);
  const widths = HEADERS.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
}

/** One line per missed target, for a clear verdict under the table. */
export function formatMisses(metrics: readonly Metric[]): string {
  const missed = metrics.filter((m) => m.met === false);
  if (missed.length === 0) return 'All targets met.';
  return [
    `${missed.length} target(s) MISSED:`,
    ...missed.map((m) => `  - ${m.label}: ${m.measured} (target ${m.target})`),
  ].join('\n');
}
