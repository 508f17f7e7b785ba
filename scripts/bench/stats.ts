export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
