import type { FunctionCategory } from '@poolscope/core';

/**
 * Okabe & Ito's colour-blind-safe palette (Okabe, Ito, "Color Universal Design", 2008,
 * https://jfly.uni-koeln.de/color/), reordered so the first colours differ most, with yellow last
 * because it reads poorly on white.
 */
export const TARGET_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

/** Point shapes paired with the colours, so targets stay apart in greyscale too. */
export const TARGET_SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'triangle-down', 'cross', 'triangle-right', 'triangle-left'] as const;

/** A target's colour and shape, the same in every figure of one run. */
export interface TargetPalette {
  /** Targets in the order colours were dealt. */
  readonly targets: readonly string[];
  readonly colors: readonly string[];
  readonly shapes: readonly string[];
}

/** Sorts by UTF-16 code units: the same order on every machine and locale. */
export function stableOrder(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Deals colours and shapes to targets in a stable order of their names, so `python3.13t` has the
 * same colour in every figure drawn from the same set of targets. Past eight targets colours
 * repeat (the shapes then still differ by one step).
 */
export function targetPalette(targets: Iterable<string>): TargetPalette {
  const ordered = stableOrder(targets);
  return {
    targets: ordered,
    colors: ordered.map((_, i) => TARGET_COLORS[i % TARGET_COLORS.length]!),
    shapes: ordered.map((_, i) => TARGET_SHAPES[(i + Math.floor(i / TARGET_COLORS.length)) % TARGET_SHAPES.length]!),
  };
}

/**
 * One fixed colour per function category, from Paul Tol's colour-blind-safe "bright" scheme
 * (https://personal.sron.nl/~pault/, 2021): idle is grey because it is time nobody worked.
 */
export const CATEGORY_COLORS: Readonly<Record<FunctionCategory, string>> = {
  task: '#4477AA',
  result: '#EE6677',
  lock: '#CCBB44',
  dispatch: '#66CCEE',
  idle: '#BBBBBB',
  other: '#AA3377',
};
