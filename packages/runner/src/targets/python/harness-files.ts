import { fileURLToPath } from 'node:url';

/**
 * The Python scripts shipped in this package's `harness/` directory. Located relative to this module,
 * so the same URL works from `src/targets/python/` (tests) and from `dist/targets/python/` (the built package).
 */
const HARNESS_DIR = new URL('../../../harness/', import.meta.url);

/**
 * The harness the runner talks to over JSON lines (Python 3.8+): the entry script, which runs the
 * package `harness/poolscope_harness/` beside it.
 */
export const HARNESS_SCRIPT = fileURLToPath(new URL('poolscope_harness_main.py', HARNESS_DIR));

/** A one-shot description of an interpreter, written to run on any Python (2.7 included). */
export const PROBE_SCRIPT = fileURLToPath(new URL('poolscope_probe.py', HARNESS_DIR));

/** The oldest Python the harness supports and is tested on (issue #4's floor); older ones are refused, not run untested. */
export const MIN_PYTHON: readonly [number, number] = [3, 8];
