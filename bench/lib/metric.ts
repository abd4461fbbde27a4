/** One row of the results table: a measured value, its target and whether it was met. */
export interface Metric {
  /** Row label, e.g. `signer (node): nodeCrypto vs volcengine`. */
  label: string;
  value: number;
  unit: string;
  /** The value as printed, e.g. `5.12×`. */
  measured: string;
  /** The target as printed, e.g. `≥ 4×`; `—` for informational rows. */
  target: string;
  /** `null` for informational rows without a target. */
  met: boolean | null;
}

/** What one benchmark returns (and writes to `bench/results/<name>.json`). */
export interface BenchResult {
  name: string;
  metrics: Metric[];
  /** Absolute numbers and settings behind the metrics. */
  details: Record<string, unknown>;
  durationMs: number;
}

export interface Target {
  op: '>=' | '<=' | '==';
  value: number;
}

const OP_TEXT: Record<Target['op'], string> = { '>=': '≥', '<=': '≤', '==': '=' };

/** Formats a number with `digits` decimals and its unit (`×` sticks to the number, others get a space). */
export function formatValue(value: number, unit: string, digits: number): string {
  const text = value.toFixed(digits);
  if (unit === '') return text;
  return unit === '×' || unit === '%' ? `${text}${unit}` : `${text} ${unit}`;
}

/** Decimals needed to print a target as written (`4`, `1.1`, `0.3`). */
function decimals(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Builds a metric, deciding `met` from the target (informational when there is none). */
export function metric(
  label: string,
  value: number,
  unit: string,
  options: {
    digits?: number;
    target?: Target;
    measured?: string;
    /** `false` prints the target but never counts it as met or missed (absolute times on a shared machine). */
    gated?: boolean;
  } = {},
): Metric {
  const digits = options.digits ?? 2;
  const { target } = options;
  const measured = options.measured ?? formatValue(value, unit, digits);
  if (!target) return { label, value, unit, measured, target: '—', met: null };
  const met =
    target.op === '>=' ? value >= target.value : target.op === '<=' ? value <= target.value : value === target.value;
  const text = `${OP_TEXT[target.op]} ${formatValue(target.value, unit, decimals(target.value))}`;
  if (options.gated === false) return { label, value, unit, measured, target: `${text} (not gated)`, met: null };
  return { label, value, unit, measured, target: text, met };
}
