import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { runnerMessages } from '../../messages.js';

/** How a child process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (ENOENT, EACCES, ENOEXEC, ...). */
  spawnError?: NodeJS.ErrnoException;
}

/** What waiting for the next stdout line gave. */
export type NextLine = { kind: 'line'; line: string } | { kind: 'timeout' } | { kind: 'exit'; exit: ProcessExit };

/** The most stderr kept per process: enough for a traceback, bounded for a chatty task. */
const STDERR_KEEP = 64 * 1024;
/** How much of it goes into an error message. */
const STDERR_TAIL = 1500;

/**
 * One spawned harness process: stdout read as lines, stderr kept (bounded) for error messages.
 * Spawned without a shell. Internal to the Python target.
 */
export class HarnessProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves when the process has exited and its output has been read to the end. */
  readonly exited: Promise<ProcessExit>;
  #lines: string[] = [];
  #waiter: ((next: NextLine) => void) | null = null;
  #exit: ProcessExit | null = null;
  #stderr = '';
  #stderrDropped = 0;

  constructor(file: string, args: readonly string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'], shell: false, windowsHide: true });
    // A write to a harness that has just died fails with EPIPE; its exit is reported instead.
    this.child.stdin.on('error', () => {});
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.#stderr += chunk;
      if (this.#stderr.length > STDERR_KEEP) {
        const cut = this.#stderr.length - STDERR_KEEP;
        this.#stderrDropped += cut;
        this.#stderr = this.#stderr.slice(cut);
      }
    });
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on('line', (line) => this.#deliver({ kind: 'line', line }));
    this.exited = new Promise((resolve) => {
      let spawnError: NodeJS.ErrnoException | undefined;
      this.child.on('error', (error: NodeJS.ErrnoException) => {
        spawnError = error;
      });
      // 'close' comes after stdout and stderr have ended, so every line has been delivered by then.
      this.child.on('close', (code, signal) => {
        const exit: ProcessExit = spawnError ? { code, signal, spawnError } : { code, signal };
        this.#exit = exit;
        this.#deliver({ kind: 'exit', exit });
        resolve(exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Where the stderr kept so far ends, to cut out what one request printed. */
  get stderrMark(): number {
    return this.#stderrDropped + this.#stderr.length;
  }

  /** The end of what the process wrote to stderr since `mark`, on one line, for a message. */
  stderrSince(mark = 0): string {
    const text = this.#stderr.slice(Math.max(0, mark - this.#stderrDropped)).trim();
    const tail = text.length > STDERR_TAIL ? `...${text.slice(-STDERR_TAIL)}` : text;
    return tail.replace(/\s*\n\s*/g, ' | ');
  }

  send(message: object): void {
    if (this.#exit === null) this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  /** The next stdout line, or the exit of the process, or a timeout after `timeoutMs`. */
  nextLine(timeoutMs: number): Promise<NextLine> {
    const buffered = this.#lines.shift();
    if (buffered !== undefined) return Promise.resolve({ kind: 'line', line: buffered });
    if (this.#exit !== null) return Promise.resolve({ kind: 'exit', exit: this.#exit });
    return new Promise((resolve) => {
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            this.#waiter = null;
            resolve({ kind: 'timeout' });
          }, timeoutMs)
        : undefined;
      this.#waiter = (next) => {
        clearTimeout(timer);
        resolve(next);
      };
    });
  }

  /** Kills the process (SIGKILL: a hung task ignores anything gentler) and waits until it is reaped. */
  async kill(): Promise<ProcessExit> {
    if (this.#exit === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Asks the harness to exit, and kills it if it has not within `graceMs`. */
  async close(graceMs: number): Promise<ProcessExit> {
    if (this.#exit !== null) return this.#exit;
    this.child.stdin.end(`${JSON.stringify({ id: 0, op: 'exit' })}\n`);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  #deliver(next: NextLine): void {
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = null;
      waiter(next);
    } else if (next.kind === 'line') {
      this.#lines.push(next.line);
    }
  }
}

/** "exit code 3", "killed by SIGKILL", or why it could not start. */
export function describeExit(exit: ProcessExit): string {
  if (exit.spawnError) return exit.spawnError.code ?? exit.spawnError.message;
  return runnerMessages.harnessExit(exit.code, exit.signal);
}
