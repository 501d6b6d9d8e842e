import type { FunctionCategory } from '@poolscope/core';

/**
 * Okabe & Ito's colour-blind-safe palette (Okabe, Ito, "Color Universal Design", 2008,
 * https://jfly.uni-koeln.de/color/), reordered so the first colours differ most, with yellow last
 * because it reads poorly on white. The order is also the fixed slots of the known targets (see
 * {@link targetSlot}): blue for CPython with the GIL, vermillion for free-threaded CPython, green
 * for node-pool, purple for node-main, then the lighter shades of the two CPython builds.
 */
export const TARGET_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

/** Point shapes paired with the colours, so targets stay apart in greyscale too. */
export const TARGET_SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'triangle-down', 'cross', 'triangle-right', 'triangle-left'] as const;

/** A target's colour and shape, the same in every figure and in every run. */
export interface TargetPalette {
  /** Targets in a stable order of their names (the legend's order). */
  readonly targets: readonly string[];
  readonly colors: readonly string[];
  readonly shapes: readonly string[];
}

/** Sorts by UTF-16 code units: the same order on every machine and locale. */
export function stableOrder(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const SLOTS = TARGET_COLORS.length;
const FIXED_SLOTS: Readonly<Record<string, number>> = { 'node-pool': 2, 'node-main': 3 };

/**
 * The slot (index into the colours) a target asks for, from its name alone so it is the same in
 * every run: node-pool and node-main have their own; CPython `pythonX.Y` (GIL) is blue and
 * `pythonX.Yt` (free-threaded) vermillion, in a lighter shade for even minor versions so that
 * neighbouring versions (3.13 against 3.14) differ too; any other name a slot from a hash of it.
 */
export function targetSlot(target: string): number {
  const fixed = FIXED_SLOTS[target];
  if (fixed !== undefined) return fixed;
  const python = /^python\d+\.(\d+)(t?)$/.exec(target);
  if (python) {
    const even = Number(python[1]) % 2 === 0;
    return python[2] === 't' ? (even ? 4 : 1) : even ? 5 : 0;
  }
  // FNV-1a (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/), 32-bit, over UTF-16 code units.
  let hash = 0x811c9dc5;
  for (let i = 0; i < target.length; i++) hash = Math.imul(hash ^ target.charCodeAt(i), 0x01000193) >>> 0;
  return hash % SLOTS;
}

/**
 * Gives every target the colour and shape of the slot its name asks for ({@link targetSlot}), so
 * `python3.13t` looks the same in every figure of every run, whichever other targets ran. Only when
 * two targets of one run ask for the same slot does the later (targets with a known name first,
 * then by name) take the next free one; past eight targets colours repeat, but the shapes then
 * shift, so colour and shape together stay distinct.
 */
export function targetPalette(targets: Iterable<string>): TargetPalette {
  const ordered = stableOrder(targets);
  const known = (t: string) => FIXED_SLOTS[t] !== undefined || /^python\d+\.\d+t?$/.test(t);
  const taken = new Set<number>();
  const slots = new Map<string, number>();
  for (const target of [...ordered.filter(known), ...ordered.filter((t) => !known(t))]) {
    const wanted = targetSlot(target);
    let slot = wanted;
    // Taken: the next slot round the colours, then slots past them (a colour again, with another shape).
    for (let step = 1; taken.has(slot); step++) slot = step < SLOTS ? (wanted + step) % SLOTS : step;
    taken.add(slot);
    slots.set(target, slot);
  }
  const slotOf = (t: string) => slots.get(t)!;
  return {
    targets: ordered,
    colors: ordered.map((t) => TARGET_COLORS[slotOf(t) % SLOTS]!),
    shapes: ordered.map((t) => TARGET_SHAPES[(slotOf(t) + Math.floor(slotOf(t) / SLOTS)) % TARGET_SHAPES.length]!),
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
