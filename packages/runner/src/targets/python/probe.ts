import { execFile, type ExecFileException } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { MIN_PYTHON, PROBE_SCRIPT } from './harness-files.js';
import { runnerMessages } from '../../messages.js';
import { interpreterDescriptionSchema, type InterpreterDescription } from './protocol.js';

/** An interpreter that ran the probe and is new enough for the harness. */
export interface ProbeOk extends InterpreterDescription {
  status: 'ok';
}

/** An interpreter that could not be used, and why (with its version when it got that far). */
export interface ProbeFailed {
  status: 'failed';
  reason: string;
  /** `3.7.16` when the interpreter ran but is too old; absent when it did not run. */
  runtime_version?: string;
  /** Set when it did not answer within the time limit: a busy machine may be to blame, so it may answer if asked again. */
  timed_out?: true;
}

export type ProbeResult = ProbeOk | ProbeFailed;

export interface ProbeOptions {
  /** The interpreter's environment (PYTHON_GIL and the like pass through). Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** How long the interpreter may take to describe itself. Default: 10 000 ms (a cold start on a busy machine). */
  timeoutMs?: number;
}

/**
 * Why `path` cannot be executed, or null if it can: missing, a directory, or lacking the execute bit.
 * Returns messages from the catalogue, naming the path.
 */
export async function whyNotExecutable(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return runnerMessages.interpreterIsDirectory(path);
  } catch {
    return runnerMessages.interpreterMissing(path);
  }
  try {
    await access(path, constants.X_OK);
  } catch {
    return runnerMessages.interpreterNotExecutable(path);
  }
  return null;
}

/** A program's stderr on one line: its first and last lines (where a shell and Python put the cause). */
function summarizeLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.length > 2 ? [lines[0], '...', lines.at(-1)] : lines).join(' | ');
}

/** True when `[major, minor]` is at least the harness's minimum. */
export function isHarnessCompatible(info: { version_info: readonly [number, number, ...unknown[]] }): boolean {
  const [major, minor] = info.version_info;
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

/**
 * Runs `path` on the probe script (which any Python, 2.7 included, can run) and reports what it is,
 * or why it cannot be used: it does not run, does not answer in time, is not Python, or is older
 * than the harness needs. Never throws for a bad interpreter: discovery lists failures.
 */
export async function probeInterpreter(path: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const notExecutable = await whyNotExecutable(path);
  if (notExecutable) return { status: 'failed', reason: notExecutable };
  const run = await new Promise<{ stdout: string; stderr: string; error: ExecFileException | null }>(
    (resolve) => {
      execFile(
        path,
        ['-B', PROBE_SCRIPT],
        { env: options.env ?? process.env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20, windowsHide: true },
        (error, stdout, stderr) => resolve({ stdout, stderr, error }),
      );
    },
  );
  const tail = summarizeLines(run.stderr);
  if (run.error) {
    if (run.error.killed) return { status: 'failed', reason: runnerMessages.probeTimeout(timeoutMs), timed_out: true };
    const code = run.error.code;
    const how = typeof code === 'number' ? runnerMessages.harnessExit(code, null) : run.error.signal ? runnerMessages.harnessExit(null, run.error.signal) : (code ?? run.error.message);
    return { status: 'failed', reason: runnerMessages.probeFailed(how, tail) };
  }
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  let parsed: ReturnType<typeof interpreterDescriptionSchema.safeParse>;
  try {
    parsed = interpreterDescriptionSchema.safeParse(JSON.parse(lastLine));
  } catch {
    return { status: 'failed', reason: runnerMessages.probeGarbled(run.stdout.trim() || run.stderr.trim()) };
  }
  if (!parsed.success) return { status: 'failed', reason: runnerMessages.probeGarbled(lastLine) };
  const info = parsed.data;
  if (!isHarnessCompatible(info)) {
    return { status: 'failed', reason: runnerMessages.tooOldForHarness(info.runtime_version), runtime_version: info.runtime_version };
  }
  return { status: 'ok', ...info };
}
