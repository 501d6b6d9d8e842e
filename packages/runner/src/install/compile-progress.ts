/**
 * How far `make` has got, from its output: the objects the Makefile names (`Objects/listobject.o`,
 * `Modules/_ssl.o`, ...) against the compiler commands that make has printed so far. CPython's
 * Makefile names every object of the interpreter and of the shared extension modules, so the count
 * is close; a module configure left out is named but never compiled, so the fraction is capped below
 * one until make ends.
 */
export class CompileProgress {
  readonly expected: number;
  #compiled = 0;

  /** `makefile`: the Makefile's text after configure. */
  constructor(makefile: string) {
    this.expected = new Set(makefile.match(/[\w./$()-]+\.o\b/g) ?? []).size;
  }

  /** Counts a line of make's output; true when it was a compiler command writing an object. */
  line(text: string): boolean {
    if (!/(?:^|\s)-c(?:\s|$)/.test(text) || !/\s-o\s+\S+\.o(?:\s|$)/.test(text)) return false;
    this.#compiled += 1;
    return true;
  }

  get compiled(): number {
    return this.#compiled;
  }

  /** Objects compiled / objects named, at most 0.99; null when the Makefile names none. */
  get fraction(): number | null {
    return this.expected > 0 ? Math.min(0.99, this.#compiled / this.expected) : null;
  }
}

/**
 * Time left from the time spent and the fraction done, assuming the rest goes at the same pace;
 * null before 2% is done (too early to say).
 */
export function timeLeftMs(elapsedMs: number, fraction: number | null): number | null {
  if (fraction === null || fraction < 0.02) return null;
  return Math.max(0, (elapsedMs * (1 - fraction)) / fraction);
}
