import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllRecords, timingSchema } from '@poolscope/core';
import { escapeHtml } from '../src/report/html.js';
import { escapeMarkdown } from '../src/report/markdown.js';
import { runCli } from './helpers.js';

/** A Python 3.8+ this machine has, by real path (the pyenv shims on PATH may fail). */
const PYTHON = ['/opt/cpython/3.13/bin/python3.13', ...['3.13.0', '3.12.1', '3.11.7'].map((v) => `/root/.pyenv/versions/${v}/bin/python3`), '/usr/bin/python3'].find(
  (p) => existsSync(p),
);

/**
 * A directory name that is shell commands (`;`, `$(...)`, backquotes, `&`, a pipe) and HTML (a
 * script tag, an entity, quotes). Through `sh -c`, a path holding it leaves the files PWNED1-4 in
 * the working directory; a name cannot hold '/', so the closing tag has '|'. (A comma would split
 * the --targets list.)
 */
const HOSTILE = `a; touch PWNED1; echo $(touch PWNED2) \`touch PWNED3\` "<script>alert(1)<|script> &amp;" & echo 'q' | tee PWNED4; b`;
const pwned = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('PWNED'));

describe.skipIf(!PYTHON)(`an interpreter path with shell metacharacters and markup${PYTHON ? '' : ' [skipped: no Python 3.8+ on this machine]'}`, () => {
  it('is run without a shell, and its name is escaped in the report, the Markdown and every figure', async () => {
    const root = mkdtempSync(join(tmpdir(), 'poolscope-hostile-'));
    const dir = join(root, HOSTILE);
    mkdirSync(dir);
    // A wrapper at the hostile path: run through a shell, the path itself would run those commands.
    const interpreter = join(dir, 'python');
    writeFileSync(interpreter, `#!/bin/sh\nexec '${PYTHON!}' "$@"\n`);
    chmodSync(interpreter, 0o755);
    const out = join(root, 'run');
    const target = `python:${interpreter}`;

    const run = await runCli(['run', '--out', out, '--targets', target, '--task-types', 'io', '--tasks', '4', '--threads', '1,2', '--repeats', '2', '--warmup', '0', '--task-work', '100'], {
      PATH: process.env.PATH,
    });
    expect(run.code, run.stderr).toBe(0);
    const rows = await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema);
    expect(rows.map((r) => [r.target, r.status])).toEqual(Array.from({ length: 4 }, () => [target, 'ok']));

    const report = await runCli(['report', out]);
    expect(report.code, report.stderr).toBe(0);
    expect(pwned(root)).toEqual([]);
    expect(pwned(process.cwd())).toEqual([]);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml(HOSTILE));
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).not.toContain('<script>');
    expect(md).toContain(escapeMarkdown(HOSTILE));
    const svgs = readdirSync(join(out, 'figures')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) {
      const text = readFileSync(join(out, 'figures', svg), 'utf8');
      expect(text, svg).not.toContain('<script>');
      expect(text, svg).toContain('&lt;script&gt;alert(1)&lt;|script&gt;');
    }
  });
});
