import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installMessages } from '@poolscope/runner';
import { pythonMessages as m } from '../../src/commands/python-messages.js';
import { targetsMessages } from '../../src/commands/targets-messages.js';
import { cliMessages } from '../../src/messages.js';
import { runCli } from '../helpers.js';
import { fakeMachine, type FakeMachine } from '../../../../packages/runner/test/fixtures/fake-cpython.js';

/** The Python entries `poolscope targets --json` lists on the fake machine. */
async function targetsFound(machine: FakeMachine): Promise<{ path: string; sources: string[] }[]> {
  const { code, stdout } = await runCli(['targets', '--json'], machine.env());
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { path: string; sources: string[]; runtime: string }[]).filter((e) => e.runtime !== 'node');
}

/** The log a failed install names, after "(log: ". */
const logNamed = (stderr: string) => /\(log: ([^)]+)\)/.exec(stderr)?.[1];

describe('poolscope python install: the issue\'s done-when', () => {
  it('exits non-zero naming the fetch step and the log for a --source that does not exist, and targets lists nothing new', async () => {
    const machine = fakeMachine();
    const before = await targetsFound(machine);
    const result = await runCli(['python', 'install', '3.13t', '--source', '/nonexistent.tgz'], machine.env());
    expect(result.code).toBe(2);
    const log = logNamed(result.stderr)!;
    expect(result.stderr).toContain(`${cliMessages.errorPrefix}${installMessages.failedAt('3.13t', 'fetch', installMessages.sourceMissing('/nonexistent.tgz'), log)}\n`);
    expect(existsSync(log)).toBe(true);
    expect(await targetsFound(machine)).toEqual(before);
  });

  it('exits non-zero naming the configure step and the log for a build that fails at configure, and targets lists nothing new', async () => {
    const machine = fakeMachine();
    const before = await targetsFound(machine);
    const result = await runCli(['python', 'install', '3.13t', '--source', machine.tarball], machine.env({ fail: 'configure' }));
    expect(result.code).toBe(1);
    const log = logNamed(result.stderr)!;
    expect(result.stderr).toMatch(/installing CPython 3\.13t failed at configure: `configure` failed \(exit code 1\): configure: error: no acceptable C compiler/);
    expect(result.stderr).toContain(`${cliMessages.hintPrefix}${installMessages.failedHint(log)}\n`);
    expect(await targetsFound(machine)).toEqual(before);
  });
});

describe('poolscope python install, list and remove (fake build tools)', () => {
  it('installs a pair, prints the executables, lists them; targets finds them; remove takes them away', async () => {
    const machine = fakeMachine();
    const env = machine.env();
    const installed = await runCli(['python', 'install', '--pair', '3.13', '--source', machine.tarball], env);
    expect(installed.stderr).not.toContain(cliMessages.errorPrefix);
    expect(installed.code).toBe(0);
    const executables = [path.join(machine.home, '3.13.5', 'bin', 'python3.13'), path.join(machine.home, '3.13.5t', 'bin', 'python3.13t')];
    expect(installed.stdout).toBe(`${executables.join('\n')}\n`);
    expect(installed.stderr).toContain(m.installed('3.13.5t', path.join(machine.home, '3.13.5t'), 'source', 'TOOK').split('TOOK')[0]);
    expect(installed.stderr).toContain(m.lacks([{ module: '_tkinter', package: 'tk-dev' }]));
    expect(installed.stderr).toMatch(/\[3\/4\] compile done \(\d+s\)/);

    const found = await targetsFound(machine);
    expect(found.filter((e) => e.sources.includes('managed')).map((e) => e.path)).toEqual(executables);

    const listed = await runCli(['python', 'list'], env);
    expect(listed.stdout.split('\n')[0]).toMatch(new RegExp(`^${m.listHeader.join('\\s+')}$`));
    expect(listed.stdout).toMatch(/^3\.13\.5t\s+3\.13\.5\s+free-threaded\s+source\s+/m);
    expect(listed.stdout).toContain(m.summary(2, machine.home));

    const again = await runCli(['python', 'install', '3.13t', '--source', machine.tarball], env);
    expect(again.stderr).toBe(`${m.reused('3.13.5t', path.join(machine.home, '3.13.5t'))}\n`);

    const removed = await runCli(['python', 'remove', '3.13'], env);
    expect(removed).toMatchObject({ code: 0, stderr: `${m.removed('3.13.5', path.join(machine.home, '3.13.5'))}\n` });
    expect((await runCli(['python', 'list', '--json'], env)).stdout).toMatch(/"name": "3\.13\.5t"/);
    await runCli(['python', 'remove', '3.13.5t'], env);
    expect((await runCli(['python', 'list'], env)).stderr).toBe(`${m.nothingInstalled(machine.home)}\n`);
    expect((await targetsFound(machine)).some((e) => e.sources.includes('managed'))).toBe(false);
  });

  it('refuses a version it cannot install, and removing what is not installed', async () => {
    const machine = fakeMachine();
    const bad = await runCli(['python', 'install', '3.12t'], machine.env());
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain(installMessages.noFreeThreading('3.12t'));
    const none = await runCli(['python', 'install'], machine.env());
    expect(none.stderr).toContain(m.nothingToInstall);
    const missing = await runCli(['python', 'remove', '3.13t'], machine.env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(installMessages.notInstalled('3.13t', []));
  });
});

describe('poolscope targets and pyenv shims that run no Python', () => {
  it('counts them in one line, and lists them with --all', async () => {
    const machine = fakeMachine();
    const shims = path.join(machine.root, 'shims');
    mkdirSync(shims);
    for (const name of ['python3.9', 'python3.8']) {
      writeFileSync(path.join(shims, name), `#!/bin/sh\n# exec "/x/libexec/pyenv" exec "$program"\necho "pyenv: ${name}: command not found" >&2\nexit 127\n`);
      chmodSync(path.join(shims, name), 0o755);
    }
    const env = { ...machine.env(), PATH: shims };
    const plain = await runCli(['targets'], env);
    expect(plain.stdout).not.toContain(shims);
    expect(plain.stdout.trimEnd().split('\n').at(-1)).toBe(targetsMessages.shimsCounted(2));
    const all = await runCli(['targets', '--all'], env);
    expect(all.stdout).toMatch(new RegExp(`^-\\s+shim\\s.*${path.join(shims, 'python3.8')}$`, 'm'));
    expect(all.stdout).not.toContain(targetsMessages.shimsCounted(2));
  });
});
