import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMessages } from '../src/messages.js';
import { runCli, type CliResult } from './helpers.js';

/** The corpus: one folder of input files per case, and cases.json saying how each is run and what it must give. */
const CORPUS = fileURLToPath(new URL('fixtures/bad-inputs', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** One case of cases.json (fixtures/bad-inputs/README.md explains the fields). */
interface BadInputCase {
  readonly name: string;
  readonly about: string;
  readonly args: readonly string[];
  readonly exit: number;
  readonly stderr: readonly string[];
  readonly stdout?: readonly string[];
  readonly dir?: string;
  readonly setup?: keyof typeof SETUPS;
  readonly env?: Readonly<Record<string, string>>;
  readonly bin?: boolean;
  readonly stackTrace?: boolean;
}

/** Inputs too large to keep in the repository, made in the case's directory before it runs. */
const SETUPS = {
  /** A 2 GiB timings.csv with no line break: sparse, so it takes no disk space and no time to make. */
  'sparse-2gib': (dir: string) => {
    const fd = openSync(join(dir, 'timings.csv'), 'w');
    ftruncateSync(fd, 2 * 1024 ** 3);
    closeSync(fd);
  },
};

const { cases } = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as { cases: BadInputCase[] };
const scratch = mkdtempSync(join(tmpdir(), 'poolscope-bad-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh copy of the case's inputs (commands write beside them), with its setup done; returns its path. */
function prepare(c: BadInputCase, copy: string): string {
  const dir = join(scratch, copy, c.dir ?? c.name);
  const inputs = join(CORPUS, c.dir ?? c.name);
  if (existsSync(inputs)) cpSync(inputs, dir, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  if (c.setup) SETUPS[c.setup](dir);
  return dir;
}

const argvOf = (c: BadInputCase, dir: string) => c.args.map((arg) => arg.replaceAll('{dir}', dir));

/** Only what the commands need from the environment: no shard or CI variables of the machine running the tests. */
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };

/** Runs the built `poolscope` binary; resolves with its exit code and output. */
function runBinary(argv: readonly string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const child = spawn(process.execPath, [bin, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

/** The expectations every case shares, then the case's own. */
function expectOutcome(c: BadInputCase, result: CliResult): void {
  expect(result.code, `exit code; stderr:\n${result.stderr}`).toBe(c.exit);
  for (const text of c.stderr) expect(result.stderr).toContain(text);
  for (const text of c.stdout ?? []) expect(result.stdout).toContain(text);
  // A stack trace only when asked for with --debug.
  expect(/^\s+at .+/m.test(result.stderr), 'a stack trace on stderr').toBe(c.stackTrace === true);
  if (c.exit === 2) {
    // Says what was wrong, and what to do: a hint, or commander's pointer to the help.
    expect(result.stderr).toContain(cliMessages.errorPrefix);
    expect(result.stderr.includes(cliMessages.hintPrefix) || result.stderr.includes(cliMessages.helpAfterError), 'says what to do').toBe(true);
  } else {
    expect(result.stderr).not.toContain(cliMessages.errorPrefix);
  }
}

describe('the bad-inputs corpus', () => {
  it('has at least 30 cases, each with a unique name, and every folder of inputs belongs to one', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    const used = new Set(cases.map((c) => c.dir ?? c.name));
    const folders = readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !used.has(f))).toEqual([]);
    for (const c of cases) if (c.setup) expect(Object.keys(SETUPS)).toContain(c.setup);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s (in-process)', async (_name, c) => {
    const dir = prepare(c, 'in-process');
    expectOutcome(c, await runCli(argvOf(c, dir), { ...baseEnv, ...c.env }));
  });

  // Concurrent: each mostly waits for Node to start.
  it.concurrent.each(cases.filter((c) => c.bin).map((c) => [c.name, c] as const))('%s (the real binary)', async (_name, c) => {
    const dir = prepare(c, 'binary');
    expectOutcome(c, await runBinary(argvOf(c, dir), { ...baseEnv, ...c.env }));
  });
});
