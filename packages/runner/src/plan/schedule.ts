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
  /** Per cell (in the plan's order), the repetitions that have no row yet, ascending. */
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
 * `cells` order the cells keep the plan's (seeded, shuffled) order; in `rounds` order each round
 * (each warm-up, each repetition index, then the profiles) visits its cells in an order shuffled
 * with the plan's seed and the round's number, so a resumed run follows the same order.
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
  const shuffled = (which: readonly number[]) => seededShuffle(which, roundSeed(input.seed, round++));
  const measuring = cells.filter((cell) => missing[cell]!.length > 0);
  for (let index = 0; index < warmup; index++) for (const cell of shuffled(measuring)) steps.push({ kind: 'warmup', cell, index });
  const lastRepeat = Math.max(-1, ...missing.flat());
  for (let repeat = 0; repeat <= lastRepeat; repeat++)
    for (const cell of shuffled(cells.filter((c) => missing[c]!.includes(repeat)))) steps.push({ kind: 'repeat', cell, repeat });
  for (const cell of shuffled(cells.filter((c) => profile[c]))) steps.push({ kind: 'profile', cell });
  return steps;
}
