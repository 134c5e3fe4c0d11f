/**
 * The seed of a fault test: `RELAIS_SEED` if set (to replay a failing run), else a fresh one,
 * printed either way; and a small seeded generator (mulberry32) for the decisions it drives.
 */
export function seedFromEnv(name: string): number {
  const fromEnv = process.env.RELAIS_SEED;
  const seed =
    fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`RELAIS_SEED must be an integer: ${fromEnv}`);
  console.log(`${name}: seed ${seed} (replay with RELAIS_SEED=${seed})`);
  return seed;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}
