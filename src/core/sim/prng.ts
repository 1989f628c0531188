// A seeded pseudo-random source (mulberry32) and the distributions the simulator draws from. The
// simulator takes it as an argument: the same seed gives the same run, byte for byte.
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Standard normal by Box–Muller (one of the pair; simplicity beats the saved draw). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** z of the 90th percentile of the standard normal. */
const Z90 = 1.2815515655446004;

/** A lognormal given by its median and 90th percentile, the two figures a support lead can name. */
export function lognormal(rng: Rng, median: number, p90: number): number {
  const sigma = Math.log(Math.max(p90, median * 1.000001) / median) / Z90;
  return median * Math.exp(sigma * normal(rng));
}

/** Poisson count: Knuth's product method for small means, a rounded normal above 60. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** Picks a key with probability proportional to its weight (weights need not sum to 1). */
export function pickWeighted<K extends string>(rng: Rng, weights: Readonly<Record<K, number>>, keys: readonly K[]): K {
  const total = keys.reduce((s, k) => s + weights[k], 0);
  let r = rng.next() * total;
  for (const k of keys) {
    r -= weights[k];
    if (r < 0) return k;
  }
  return keys[keys.length - 1]!;
}
