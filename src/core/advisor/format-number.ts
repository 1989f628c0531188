// Number formatting for explanation lines: short, stable, never "NaN" or float noise like 0.30000000000000004.

/** Rounds to at most `digits` decimals and drops trailing zeros: 2.50 → "2.5", 3 → "3". */
export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'n/a';
  const factor = 10 ** digits;
  const rounded = Math.abs(value) >= 1e15 ? value : Math.round(value * factor) / factor;
  // Plain digits even for huge values: String(1e21) would print "1e+21".
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: digits });
}

/** A ratio as a percentage: 0.1234 → "12.3%". */
export function pct(ratio: number, digits = 1): string {
  return `${fmt(ratio * 100, digits)}%`;
}

/** Removes binary floating-point noise from computed times so equal instants compare equal. */
export function roundTime(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
