/* global process */
// Runs one measured command in a child process and returns the JSON it prints last.
import { spawn } from 'node:child_process';

/**
 * The last JSON value of a command's output: its last line, or the pretty-printed object that
 * starts at its last line reading `{` alone. Undefined when there is none.
 */
export function lastJson(text) {
  const lines = text.trimEnd().split('\n');
  try {
    return JSON.parse(lines.at(-1) ?? '');
  } catch {
    const start = lines.lastIndexOf('{');
    if (start < 0) return undefined;
    try {
      return JSON.parse(lines.slice(start).join('\n'));
    } catch {
      return undefined;
    }
  }
}

/**
 * Runs `command args` and resolves to the last JSON value it printed on stdout (see `lastJson`). Its
 * stderr passes through (progress and errors stay visible); a failure rejects with its output.
 */
export function runJson(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', options.quiet ? 'pipe' : 'inherit'], env: options.env ?? process.env, cwd: options.cwd });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr?.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${out.slice(-2000)}${err.slice(-2000)}`));
      const value = lastJson(out);
      if (value === undefined) reject(new Error(`${command} ${args.join(' ')} printed no JSON at the end:\n${out.slice(-2000)}`));
      else resolve(value);
    });
  });
}
