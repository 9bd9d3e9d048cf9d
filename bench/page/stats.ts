/** Order statistics over a bench's runs and pages; nulls (not measured) are left out. */
function present(xs: ReadonlyArray<number | null | undefined>): number[] {
  return xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
}

/** The median (the mean of the two middle values for an even count); null when nothing was measured. */
export function median(xs: ReadonlyArray<number | null | undefined>): number | null {
  const s = present(xs);
  if (!s.length) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: ReadonlyArray<number | null | undefined>, p: number): number | null {
  const s = present(xs);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || !(b > 0) ? null : a / b;
}
