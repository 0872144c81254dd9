// One JSON line per figure, as `npm run bench` promises: {"name", "value", "unit"} (+ optional detail).
export function report(name: string, value: number, unit: string, detail?: Record<string, unknown>): void {
  console.log(JSON.stringify({ name, value: Number(value.toFixed(2)), unit, ...(detail ? { detail } : {}) }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
