/** Small statistics over repeated timings. */
export const sorted = (xs) => [...xs].sort((a, b) => a - b);

export function percentile(xs, p) {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

export const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median with its spread (min–max), for a table cell. */
export function summary(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length, samples: xs };
}
