import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HARNESS_SCRIPT } from '@poolscope/runner';

/** A piece of source quoted as it is, with where it comes from. */
export interface CodeExcerpt {
  readonly language: 'python' | 'typescript' | 'javascript';
  /** Where it is, for a reader: `@poolscope/runner/harness/poolscope_harness.py`. */
  readonly file: string;
  /** First and last line, 1-based. */
  readonly lines: readonly [number, number];
  readonly code: string;
}

/** A function or method to quote, by the start of its first line. */
interface ExcerptSpec {
  /** Path inside the runner package, TypeScript source (its compiled `dist/` twin is the fallback). */
  readonly file: string;
  /** Matches the declaration's line (leading spaces included). */
  readonly start: RegExp;
}

/** Lines `[from, to]` (0-based, inclusive) trimmed of blank lines at the end. */
function trimEnd(lines: readonly string[], from: number, to: number): [number, number] {
  let end = to;
  while (end > from && lines[end]!.trim() === '') end--;
  return [from, end];
}

/**
 * The lines of a Python top-level `def` (or `class`) whose first line matches `start`: up to the
 * next non-blank line that starts at column 0. Undefined when there is none.
 */
export function pythonBlock(source: string, start: RegExp): { from: number; to: number; code: string } | undefined {
  const lines = source.split('\n');
  const from = lines.findIndex((line) => start.test(line));
  if (from < 0) return undefined;
  let to = lines.length - 1;
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() !== '' && !/^\s/.test(line)) {
      to = i - 1;
      break;
    }
  }
  const [a, b] = trimEnd(lines, from, to);
  return { from: a, to: b, code: lines.slice(a, b + 1).join('\n') };
}

/**
 * The lines of a brace-delimited declaration (function, method) whose first line matches `start`:
 * from that line to the brace that closes the first `{` after it. Braces inside string literals
 * and comments are skipped. Undefined when there is none or it never closes.
 */
export function braceBlock(source: string, start: RegExp): { from: number; to: number; code: string } | undefined {
  const lines = source.split('\n');
  const from = lines.findIndex((line) => start.test(line));
  if (from < 0) return undefined;
  let depth = 0;
  let opened = false;
  let quote: string | null = null;
  let blockComment = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    for (let j = 0; j < line.length; j++) {
      const c = line[j]!;
      if (blockComment) {
        if (c === '*' && line[j + 1] === '/') {
          blockComment = false;
          j++;
        }
      } else if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = null;
      } else if (c === '/' && line[j + 1] === '/') break;
      else if (c === '/' && line[j + 1] === '*') {
        blockComment = true;
        j++;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '{') {
        depth++;
        opened = true;
      } else if (c === '}') {
        depth--;
        if (opened && depth === 0) return { from, to: i, code: dedent(lines.slice(from, i + 1)).join('\n') };
      }
    }
    // Plain quotes end on their line. Template literals are not tracked: their `${}` braces balance.
    quote = null;
  }
  return undefined;
}

/** Removes the indentation the lines share (a method quoted out of its class). */
function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut));
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

/** What could be quoted, and what could not (a renamed function: the report says so). */
export interface HarnessExcerpts {
  readonly python: readonly CodeExcerpt[];
  readonly node: readonly CodeExcerpt[];
  readonly missing: readonly string[];
}

/**
 * Quotes the harness code from the runner package as installed: the Python harness script it
 * ships, and the TypeScript sources of the Node targets (or their compiled JavaScript when the
 * sources are not installed). Nothing is retyped, so the report always shows the code that runs.
 */
export function harnessExcerpts(): HarnessExcerpts {
  const runnerRoot = dirname(dirname(HARNESS_SCRIPT));
  const missing: string[] = [];
  const python: CodeExcerpt[] = [];
  for (const spec of PYTHON_SPECS) {
    const file = join(runnerRoot, spec.file);
    const shown = `@poolscope/runner/${spec.file}`;
    const block = pythonBlock(existsSync(file) ? readFileSync(file, 'utf8') : '', spec.start);
    if (block) python.push({ language: 'python', file: shown, lines: [block.from + 1, block.to + 1], code: block.code });
    else missing.push(`${shown}: ${spec.start.source}`);
  }
  const node: CodeExcerpt[] = [];
  for (const spec of NODE_SPECS) {
    const ts = join(runnerRoot, spec.file);
    const js = join(runnerRoot, spec.file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'));
    const file = existsSync(ts) ? ts : js;
    const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const block = braceBlock(source, spec.start);
    const shown = `@poolscope/runner/${file.slice(runnerRoot.length + 1)}`;
    if (block) node.push({ language: file === ts ? 'typescript' : 'javascript', file: shown, lines: [block.from + 1, block.to + 1], code: block.code });
    else missing.push(`${shown}: ${spec.start.source}`);
  }
  return { python, node, missing };
}
