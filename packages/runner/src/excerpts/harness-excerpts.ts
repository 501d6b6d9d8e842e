/**
 * The harness code the report quotes: the Python cell as the RCA wrote it, and its Node equivalent.
 * Cut from the runner's own files when the package is built (`quoteHarness`, run by
 * scripts/quote-harness.mjs into dist/harness-excerpts.json) and read back from there
 * (`harnessExcerpts`), so an installed package, which ships no TypeScript, quotes the same code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { braceBlock, pythonBlock, type SourceBlock } from './blocks.js';

/** A piece of source quoted as it is, with where it comes from. */
export interface CodeExcerpt {
  readonly language: 'python' | 'typescript';
  /** Where it is, for a reader: `@poolscope/runner/harness/poolscope_harness/tasks.py`. */
  readonly file: string;
  /** First and last line, 1-based. */
  readonly lines: readonly [number, number];
  readonly code: string;
}

/** What could be quoted, and what could not (a renamed function: the report says so). */
export interface HarnessExcerpts {
  readonly python: readonly CodeExcerpt[];
  readonly node: readonly CodeExcerpt[];
  readonly missing: readonly string[];
}

/** A function or method to quote: its file in this package, and the start of its first line. */
interface ExcerptSpec {
  readonly file: string;
  /** Matches the declaration's line (leading spaces included). */
  readonly start: RegExp;
}

/** The Python harness's cell, as the RCA wrote it: the tasks, the pool, the timed region. */
const PYTHON_SPECS: readonly ExcerptSpec[] = [
  { file: 'harness/poolscope_harness/tasks.py', start: /^def make_task\(/ },
  { file: 'harness/poolscope_harness/cell.py', start: /^def run_pool\(/ },
  { file: 'harness/poolscope_harness/ops.py', start: /^def op_run\(/ },
];

/** The Node equivalent: the same tasks, the node-pool timed region and node-main's event loop. */
const NODE_SPECS: readonly ExcerptSpec[] = [
  { file: 'src/tasks/cpu-task.ts', start: /^function sumOfSquaresInt32\(/ },
  { file: 'src/tasks/cpu-task.ts', start: /^export function cpuTask\(/ },
  { file: 'src/tasks/io-task.ts', start: /^export function ioTaskBlocking\(/ },
  { file: 'src/tasks/io-task.ts', start: /^export (async )?function ioTaskAsync\(/ },
  { file: 'src/targets/node/node-pool.ts', start: /^\s+async runRepeat\(/ },
  { file: 'src/tasks/event-loop.ts', start: /^export async function runOnEventLoop/ },
];

/** The package's name, which the excerpts' file names start with. */
const PACKAGE = '@poolscope/runner';

/** The built excerpts, beside dist/index.js; from src/ (this package's tests), the built copy. */
const BUILT = ['../harness-excerpts.json', '../../dist/harness-excerpts.json'].map((file) => fileURLToPath(new URL(file, import.meta.url)));

/** Quotes the harness from the package's files under `root` (its sources: at build time). */
export function quoteHarness(root: string): HarnessExcerpts {
  const missing: string[] = [];
  const quote = (specs: readonly ExcerptSpec[], language: CodeExcerpt['language'], cut: (source: string, start: RegExp) => SourceBlock | undefined) =>
    specs.flatMap((spec): CodeExcerpt[] => {
      const path = join(root, spec.file);
      const file = `${PACKAGE}/${spec.file}`;
      const block = cut(existsSync(path) ? readFileSync(path, 'utf8') : '', spec.start);
      if (block) return [{ language, file, lines: [block.from + 1, block.to + 1], code: block.code }];
      missing.push(`${file}: ${spec.start.source}`);
      return [];
    });
  return { python: quote(PYTHON_SPECS, 'python', pythonBlock), node: quote(NODE_SPECS, 'typescript', braceBlock), missing };
}

/**
 * The harness code the report quotes, as the package was built: the Python cell (`make_task`,
 * `run_pool`, `op_run`) and the Node tasks, node-pool's timed region and node-main's event loop.
 * Nothing is retyped, so the report shows the code that runs.
 */
export function harnessExcerpts(): HarnessExcerpts {
  const built = BUILT.find((file) => existsSync(file));
  if (!built) return { python: [], node: [], missing: [`${PACKAGE}/dist/harness-excerpts.json (the package is not built)`] };
  return JSON.parse(readFileSync(built, 'utf8')) as HarnessExcerpts;
}
