import { spawn } from 'node:child_process';
import type { WriteStream } from 'node:fs';

/** How a command ended, with its last lines of output for an error message. */
export interface CommandResult {
  /** True when it exited with status 0. */
  readonly ok: boolean;
  /** `exit code 2`, `killed by SIGKILL`, `not found`. */
  readonly how: string;
  /** Its last lines of output (stdout and stderr together), at most 15. */
  readonly tail: readonly string[];
}

export interface RunLoggedOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Every line of output is appended here. */
  readonly log: WriteStream;
  /** False: only the command and how it ended go to the log (a listing of no use there). Default: true. */
  readonly logOutput?: boolean;
  /** Called with each line of output, as it comes. */
  readonly onLine?: (line: string) => void;
  readonly signal?: AbortSignal;
}

const TAIL_LINES = 15;

/**
 * Runs `command args` in `cwd`, its output (stdout and stderr, line by line) appended to the log
 * after a line naming the command. Never throws: a command that cannot start (not on PATH) ends
 * with `ok: false` and says so.
 */
export function runLogged(command: string, args: readonly string[], options: RunLoggedOptions): Promise<CommandResult> {
  options.log.write(`$ ${[command, ...args].join(' ')}\n`);
  return new Promise((resolve) => {
    const tail: string[] = [];
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    const lines = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        if (options.logOutput !== false) options.log.write(chunk);
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) {
          tail.push(line);
          if (tail.length > TAIL_LINES) tail.shift();
          options.onLine?.(line);
        }
      });
      stream.on('end', () => {
        if (rest) {
          tail.push(rest);
          options.onLine?.(rest);
        }
      });
    };
    lines(child.stdout);
    lines(child.stderr);
    let settled = false;
    const finish = (result: CommandResult) => {
      if (settled) return;
      settled = true;
      options.log.write(`# ${command}: ${result.how}\n`);
      resolve(result);
    };
    child.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, how: error.code === 'ENOENT' ? 'not found' : error.message, tail }));
    child.on('close', (code, signal) => finish({ ok: code === 0, how: signal ? `killed by ${signal}` : `exit code ${String(code)}`, tail }));
  });
}
