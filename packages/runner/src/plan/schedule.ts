import { seededShuffle } from './random.js';

/**
 * The orders in which a run can take its repetitions:
 * - `cells`: cell after cell, each with its warm-ups, then its repetitions back to back;
 * - `rounds`: every cell's warm-up, then every cell's repetition 0, then every cell's repetition 1,
 *   ..., each round in a new shuffled order, so a slow spell of the machine lands on one repetition
 *   of many cells rather than on every repetition of one (pyperf spreads its values over processes
 *   for the same reason).
 */
export const REPETITION_ORDERS = ['cells', 'rounds'] as const;
export type RepetitionOrder = (typeof REPETITION_ORDERS)[number];

/** One thing the run does, for the cell at `cell` in the plan's cell list. */
export type Step =
  | { readonly kind: 'warmup'; readonly cell: number; readonly index: number }
  | { readonly kind: 'repeat'; readonly cell: number; readonly repeat: number }
  | { readonly kind: 'profile'; readonly cell: number };

/** What is left to do of each cell of a run. */
export interface ScheduleInput {
  /** Per cell (in the plan's order), its thread count: a round visits the cells of one thread count together. */
  readonly threads: readonly number[];
  /** Per cell, the repetitions that have no row yet, ascending. */
  readonly missing: readonly (readonly number[])[];
  /** Per cell, whether it still needs its profiled run. */
  readonly profile: readonly boolean[];
  /** Unrecorded repetitions before a cell's first missing one. */
  readonly warmup: number;
  readonly order: RepetitionOrder;
  /** The plan's seed: the shuffles of the rounds follow from it. */
  readonly seed: number;
}

/** The seed of round `round`: a fixed mix of the plan's seed, one per round (golden-ratio step). */
function roundSeed(seed: number, round: number): number {
  return (seed + Math.imul(round + 1, 0x9e3779b9)) >>> 0;
}

/**
 * The steps of a run, in the order they run. A cell with missing repetitions gets its warm-ups
 * first; its profiled run (when asked for) comes after its repetitions, never among them. In
 * `cells` order the cells keep the plan's (seeded, shuffled) order. In `rounds` order each round
 * (each warm-up, each repetition index, then the profiles) visits its cells in an order shuffled
 * with the plan's seed and the round's number, so a resumed run follows the same order: the
 * round's thread counts in a shuffled order, and the cells of each thread count together, also
 * shuffled. Keeping a thread count's cells together lets node-pool keep its pool from one cell to
 * the next: starting and warming a pool of 8 workers takes 2 to 3 s on 2 cores, which a fully
 * shuffled round would pay at nearly every step.
 */
export function schedule(input: ScheduleInput): Step[] {
  const { missing, profile, warmup } = input;
  const cells = missing.map((_, cell) => cell);
  const steps: Step[] = [];
  if (input.order === 'cells') {
    for (const cell of cells) {
      const todo = missing[cell]!;
      if (todo.length > 0) {
        for (let index = 0; index < warmup; index++) steps.push({ kind: 'warmup', cell, index });
        for (const repeat of todo) steps.push({ kind: 'repeat', cell, repeat });
      }
      if (profile[cell]) steps.push({ kind: 'profile', cell });
    }
    return steps;
  }
  let round = 0;
  const shuffled = (which: readonly number[]): number[] => {
    const seed = roundSeed(input.seed, round++);
    const counts = seededShuffle([...new Set(which.map((cell) => input.threads[cell]!))].sort((a, b) => a - b), seed);
    return counts.flatMap((count, i) => seededShuffle(which.filter((cell) => input.threads[cell] === count), roundSeed(seed, i)));
  };
  const measuring = cells.filter((cell) => missing[cell]!.length > 0);
  for (let index = 0; index < warmup; index++) for (const cell of shuffled(measuring)) steps.push({ kind: 'warmup', cell, index });
  const lastRepeat = Math.max(-1, ...missing.flat());
  for (let repeat = 0; repeat <= lastRepeat; repeat++)
    for (const cell of shuffled(cells.filter((c) => missing[c]!.includes(repeat)))) steps.push({ kind: 'repeat', cell, repeat });
  for (const cell of shuffled(cells.filter((c) => profile[c]))) steps.push({ kind: 'profile', cell });
  return steps;
}
