/** Where a row was first seen: the index of its input file and its line. */
export interface SeenAt {
  readonly file: number;
  readonly line: number;
}

/** Repetition numbers below this are kept in arrays; a larger one (a hand-edited file) in a map. */
const ARRAY_REPEATS = 1 << 20;

/** One cell's repetitions: the line (0 while unseen) and file of each, indexed by repetition. */
interface CellSlots {
  lines: Uint32Array;
  files: Uint32Array;
}

/**
 * Which (cell, repetition) rows a merge has seen, and where each was first seen, in 8 bytes per
 * repetition: rows are whole repetitions of a few cells, numbered from 0. A map from each row's
 * key to a "file:line" text took about 250 bytes a row, so merging a 2 GiB timings file (16.5
 * million rows) ran out of Node's 4 GB heap.
 */
export class FirstSeen {
  readonly #cells = new Map<string, CellSlots>();
  readonly #far = new Map<string, SeenAt>();
  #size = 0;

  /** The number of distinct rows seen. */
  get size(): number {
    return this.#size;
  }

  /**
   * Records that the row of `cell` and `repeat` (a non-negative integer) is at `line` (>= 1) of
   * input `file`, unless that row was seen before: then returns where it was first seen.
   */
  claim(cell: string, repeat: number, file: number, line: number): SeenAt | undefined {
    if (repeat >= ARRAY_REPEATS) return this.#claimFar(`${cell}|${repeat}`, file, line);
    let slots = this.#cells.get(cell);
    if (!slots) this.#cells.set(cell, (slots = { lines: new Uint32Array(8), files: new Uint32Array(8) }));
    if (repeat >= slots.lines.length) {
      const length = Math.min(ARRAY_REPEATS, Math.max(repeat + 1, 2 * slots.lines.length));
      const lines = new Uint32Array(length);
      const files = new Uint32Array(length);
      lines.set(slots.lines);
      files.set(slots.files);
      slots.lines = lines;
      slots.files = files;
    }
    const seen = slots.lines[repeat]!;
    if (seen !== 0) return { file: slots.files[repeat]!, line: seen };
    slots.lines[repeat] = line;
    slots.files[repeat] = file;
    this.#size++;
    return undefined;
  }

  #claimFar(key: string, file: number, line: number): SeenAt | undefined {
    const seen = this.#far.get(key);
    if (seen) return seen;
    this.#far.set(key, { file, line });
    this.#size++;
    return undefined;
  }
}
