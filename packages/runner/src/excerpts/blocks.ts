/** Cutting one declaration out of a source file, as it is, for a reader. */

/** Lines of a source file, 0-based and inclusive, and the code they hold. */
export interface SourceBlock {
  readonly from: number;
  readonly to: number;
  readonly code: string;
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
export function pythonBlock(source: string, start: RegExp): SourceBlock | undefined {
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
export function braceBlock(source: string, start: RegExp): SourceBlock | undefined {
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
