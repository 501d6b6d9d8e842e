import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { braceBlock, pythonBlock } from '../../src/excerpts/blocks.js';
import { harnessExcerpts, quoteHarness } from '../../src/excerpts/harness-excerpts.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('quoting the harness code', () => {
  it('cuts a Python top-level function up to the next top-level statement', () => {
    const source = ['import os', '', 'def cell(n):', '    """Doc."""', '    x = 1', '', '    return x', '', '', '# a comment', 'def other():', '    pass', ''].join('\n');
    expect(pythonBlock(source, /^def cell\(/)).toEqual({ from: 2, to: 6, code: ['def cell(n):', '    """Doc."""', '    x = 1', '', '    return x'].join('\n') });
    expect(pythonBlock(source, /^def other\(/)?.code).toBe('def other():\n    pass');
    expect(pythonBlock(source, /^def missing\(/)).toBeUndefined();
  });

  it('cuts a brace block, skipping braces in strings and comments, and dedents a method', () => {
    const source = [
      'class A {',
      '  run(x) {',
      "    const s = '}'; // } not this one",
      '    /* { nor this */',
      '    if (x) { return `${x}`; }',
      '  }',
      '}',
    ].join('\n');
    const block = braceBlock(source, /^\s+run\(/);
    expect(block?.from).toBe(1);
    expect(block?.to).toBe(5);
    expect(block?.code.split('\n')[0]).toBe('run(x) {');
    expect(block?.code.split('\n').at(-1)).toBe('}');
    expect(braceBlock('function f() {', /^function f/)).toBeUndefined();
  });

  it("quotes every piece of the runner's harness, as it is in the files", () => {
    const excerpts = quoteHarness(root);
    expect(excerpts.missing).toEqual([]);
    expect(excerpts.python.map((e) => e.code.split('\n')[0])).toEqual([
      'def make_task(task_type, task_work):',
      'def run_pool(task, num_tasks, num_threads, initializer=None):',
      'def op_run(request):',
    ]);
    for (const e of [...excerpts.python, ...excerpts.node]) {
      const file = readFileSync(join(root, e.file.replace('@poolscope/runner/', '')), 'utf8').split('\n');
      const lines = file.slice(e.lines[0] - 1, e.lines[1]);
      if (e.language === 'python') expect(lines.join('\n')).toBe(e.code);
      else expect(lines.map((l) => l.trim())).toEqual(e.code.split('\n').map((l) => l.trim()));
    }
    expect(excerpts.python.map((e) => e.code).join('\n')).toContain('with ThreadPoolExecutor(max_workers=num_threads) as executor:');
    expect(excerpts.python.map((e) => e.file)).toEqual([
      '@poolscope/runner/harness/poolscope_harness/tasks.py',
      '@poolscope/runner/harness/poolscope_harness/cell.py',
      '@poolscope/runner/harness/poolscope_harness/ops.py',
    ]);
    expect(excerpts.node.map((e) => e.file)).toEqual([
      '@poolscope/runner/src/tasks/cpu-task.ts',
      '@poolscope/runner/src/tasks/cpu-task.ts',
      '@poolscope/runner/src/tasks/io-task.ts',
      '@poolscope/runner/src/tasks/io-task.ts',
      '@poolscope/runner/src/targets/node/node-pool.ts',
      '@poolscope/runner/src/tasks/event-loop.ts',
    ]);
    expect(excerpts.node.every((e) => e.language === 'typescript' && e.code.trimEnd().endsWith('}'))).toBe(true);
  });

  it('ships what the build quoted, so an installed package (no TypeScript sources) quotes the same', () => {
    expect(harnessExcerpts()).toEqual(quoteHarness(root));
  });

  it('says a quote is missing rather than inventing one', () => {
    const excerpts = quoteHarness(join(root, 'no-such-folder'));
    expect(excerpts.python).toEqual([]);
    expect(excerpts.missing).toContain('@poolscope/runner/harness/poolscope_harness/tasks.py: ^def make_task\\(');
  });
});
