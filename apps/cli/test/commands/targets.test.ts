import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetsMessages } from '../../src/commands/targets-messages.js';
import { cliMessages } from '../../src/messages.js';
import { runCli } from '../helpers.js';

/** A Python 3.8+ this machine has, by real path (the pyenv shims on PATH may fail). */
const PYTHON = ['/opt/cpython/3.13/bin/python3.13', ...['3.13.0', '3.12.1', '3.11.7'].map((v) => `/root/.pyenv/versions/${v}/bin/python3`), '/usr/bin/python3'].find(
  (p) => existsSync(p),
);

/** A made-up machine: one Python on PATH and one program that is not Python (and /opt/cpython, which is always searched). */
function fixture(): { env: Record<string, string>; python: string; broken: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'poolscope-targets-'));
  const bin = path.join(root, 'bin');
  mkdirSync(bin);
  symlinkSync(PYTHON!, path.join(bin, 'python3'));
  const broken = path.join(bin, 'python2');
  writeFileSync(broken, '#!/bin/sh\necho "not today" >&2\nexit 4\n');
  chmodSync(broken, 0o755);
  return { env: { HOME: root, PATH: bin, PYENV_ROOT: path.join(root, 'pyenv') }, python: realpathSync(PYTHON!), broken };
}

describe.skipIf(!PYTHON)(`poolscope targets${PYTHON ? '' : ' [skipped: no Python 3.8+ on this machine]'}`, () => {
  it('lists the Node targets and every Python found, usable or not, as JSON', async () => {
    const { env, python, broken } = fixture();
    const result = await runCli(['targets', '--json'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const entries = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(entries.slice(0, 2)).toEqual([
      expect.objectContaining({ target: 'node-pool', runtime: 'node', status: 'ok', path: process.execPath, gil_enabled: null }),
      expect.objectContaining({ target: 'node-main', runtime: 'node', status: 'ok' }),
    ]);
    const usable = entries.find((e) => e.path === python)!;
    expect(usable).toMatchObject({ status: 'ok', runtime: 'cpython', target: expect.stringMatching(/^python3\.\d+t?$/) });
    expect(usable.sources).toContain('PATH');
    expect(typeof usable.free_threaded_build).toBe('boolean');
    expect(entries.find((e) => e.path === broken)).toMatchObject({ status: 'failed', target: null, reason: 'exit code 4: not today' });
  });

  it('prints a table, with the reason under an interpreter that cannot be used', async () => {
    const { env, python, broken } = fixture();
    const { code, stdout } = await runCli(['targets'], env);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${targetsMessages.header.join('\\s+')}$`));
    expect(lines.find((l) => l.startsWith('node-pool'))).toMatch(/^node-pool\s+ok\s+\d+\.\d+\.\d+/);
    expect(lines.find((l) => l.endsWith(python))).toMatch(/^python3\.\d+t?\s+ok\s+3\.\d+\.\d+\s+(yes|no)\s+(on|off)\s+(opt,)?PATH\s+/);
    const failedAt = lines.findIndex((l) => l.endsWith(broken));
    expect(lines[failedAt]).toMatch(/^-\s+failed\s/);
    expect(lines[failedAt + 1]!.trim()).toBe('exit code 4: not today');
  });

  it('checks interpreters named as python:PATH too', async () => {
    const { env } = fixture();
    const missing = path.join(tmpdir(), 'no-such-dir', 'python3.13t');
    const { code, stdout } = await runCli(['targets', '--json', `python:${missing}`], env);
    expect(code).toBe(0);
    const entry = (JSON.parse(stdout) as Record<string, unknown>[]).find((e) => e.path === missing);
    expect(entry).toMatchObject({ status: 'failed', sources: ['explicit'], reason: `python interpreter '${missing}' does not exist` });
  });
});

describe('poolscope targets with a bad argument', () => {
  it('exits 2 and says how to name an interpreter', async () => {
    const result = await runCli(['targets', '/usr/bin/python3'], { PATH: '' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${cliMessages.errorPrefix}${targetsMessages.notAnInterpreter('/usr/bin/python3')}\n${cliMessages.hintPrefix}${targetsMessages.notAnInterpreterHint}\n`,
    );
  });
});
