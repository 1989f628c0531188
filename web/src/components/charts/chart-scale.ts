// Shared helpers of the hand-written SVG charts: a linear scale, round tick values and short
// number labels, so every chart reads its axis the same way.

/** Maps [0, max] onto [0, size] pixels; an empty domain maps everything to 0. */
export function linearScale(max: number, size: number): (value: number) => number {
  return (value) => (max <= 0 ? 0 : (value / max) * size);
}

/** About `count` evenly spaced round ticks from 0 to at least `max` (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  // The last tick reaches or passes max, so nothing is drawn beyond the axis.
  const ticks: number[] = [0];
  while (ticks.at(-1)! < max && ticks.length < 50) ticks.push(Math.round(ticks.length * step * 1e6) / 1e6);
  return ticks;
}

/** 12, 12.5, 0.33: at most two decimals, no float noise. */
export function label(value: number): string {
  return String(Math.round(value * 100) / 100);
}
