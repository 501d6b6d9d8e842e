import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPoolscopeError, type PoolscopeError } from '@poolscope/core';
import { discoverPythons } from '../../src/targets/python/discover.js';
import type { InstallEvent } from '../../src/install/events.js';
import { installPythons, managedPythons, type InstallOptions } from '../../src/install/install-python.js';
import { listManifests } from '../../src/install/manifest.js';
import { installMessages as m } from '../../src/install/messages.js';
import { removePythons } from '../../src/install/remove-python.js';
import { pairRequests, parseInstallRequest } from '../../src/install/request.js';
import { fakeMachine, type FakeMachine } from '../fixtures/fake-cpython.js';

/** Installs with the fakes, recording the events; the error thrown, if any, is returned. */
async function install(machine: FakeMachine, versions: string[], env: Record<string, string>, options: Partial<InstallOptions> = {}) {
  const events: InstallEvent[] = [];
  const requests = versions.flatMap((v) => (v.startsWith('pair:') ? pairRequests(v.slice(5)) : [parseInstallRequest(v)]));
  try {
    const installed = await installPythons(requests, { env, osRelease: machine.osRelease, hasKeyring: () => true, jobs: 2, ...options }, (e) => events.push(e));
    return { installed, events, error: null };
  } catch (error) {
    if (!isPoolscopeError(error)) throw error;
    return { installed: [], events, error: error as PoolscopeError };
  }
}

/** The interpreters discovery finds in the managed directory alone (no PATH, no pyenv). */
async function managedFound(machine: FakeMachine) {
  const found = await discoverPythons({ env: { HOME: machine.root, PATH: '', POOLSCOPE_PYTHON_HOME: machine.home }, optRoot: path.join(machine.root, 'no-opt') });
  return found.filter((p) => p.sources.includes('managed'));
}

const logOf = (events: InstallEvent[]) => events.flatMap((e) => (e.type === 'start' ? [e.log] : []));

describe('installPythons from a source tarball (fake configure and make)', () => {
  it('builds, moves the build into place, writes its manifest and log, and discovery finds it', async () => {
    const machine = fakeMachine();
    const { installed, error } = await install(machine, ['3.13t'], machine.env(), { source: machine.tarball });
    expect(error).toBeNull();
    const [manifest] = installed;
    const layout = managedPythons({ POOLSCOPE_PYTHON_HOME: machine.home });
    expect(manifest).toMatchObject({
      name: '3.13.5t',
      request: '3.13t',
      version: '3.13.5',
      free_threaded: true,
      backend: 'source',
      source: machine.tarball,
      prefix: layout.prefix('3.13.5t'),
      executable: path.join(layout.prefix('3.13.5t'), 'bin', 'python3.13t'),
      missing_modules: [{ module: '_tkinter', package: 'tk-dev' }],
    });
    expect(manifest!.configure_flags).toEqual([`--prefix=${layout.prefix('3.13.5t')}`, '--with-ensurepip=install', '--disable-gil']);
    expect(Object.keys(manifest!.stages_s).sort()).toEqual(['compile', 'configure', 'fetch', 'install']);
    expect(await listManifests(layout)).toEqual([manifest]);
    expect(readFileSync(manifest!.log, 'utf8')).toContain('### compile');
    expect(path.dirname(manifest!.log)).toBe(layout.logs);
    // The staging directory is emptied; the build sits under its name only.
    expect(readdirSync(layout.staging)).toEqual([]);
    expect(readdirSync(machine.home).sort()).toEqual(['.staging', '3.13.5t', '3.13.5t.json', 'logs']);
    expect((await managedFound(machine)).map((p) => [p.status, p.path])).toEqual([['ok', manifest!.executable]]);
  });

  it('downloads a --source URL with fetch (a server on the loopback here)', async () => {
    const machine = fakeMachine();
    const server = createServer((req, res) => {
      if (req.url !== '/Python-3.13.5.tgz') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/gzip' }).end(readFileSync(machine.tarball));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { installed } = await install(machine, ['3.13t'], machine.env(), { source: `${base}/Python-3.13.5.tgz` });
      expect(installed.map((x) => [x.name, x.source])).toEqual([['3.13.5t', `${base}/Python-3.13.5.tgz`]]);
      const missing = await install(machine, ['3.13'], machine.env(), { source: `${base}/nope.tgz` });
      expect(missing.error?.message).toContain(`failed at fetch: ${m.downloadFailed(`${base}/nope.tgz`, 'HTTP 404 Not Found')}`);
    } finally {
      server.close();
    }
  });

  it('reports stages in order, compile progress from the objects make compiled, and ends with the install', async () => {
    const machine = fakeMachine();
    const { events } = await install(machine, ['3.13'], machine.env(), { source: machine.tarball });
    const done = events.flatMap((e) => (e.type === 'stage-done' ? [e.stage] : []));
    expect(done).toEqual(['fetch', 'configure', 'compile', 'install']);
    const compile = events.flatMap((e) => (e.type === 'stage' && e.stage === 'compile' && e.fraction !== null ? [e.fraction] : []));
    // The fake Makefile names 4 objects and make compiles them one by one (the last capped below 1).
    expect(compile).toEqual([0.25, 0.5, 0.75, 0.99]);
    expect(events.at(-1)).toMatchObject({ type: 'installed', manifest: { name: '3.13.5', free_threaded: false } });
  });

  it('reuses a build already installed instead of building again', async () => {
    const machine = fakeMachine();
    await install(machine, ['3.13t'], machine.env(), { source: machine.tarball });
    const configures = () => machine.called().filter((c) => c.startsWith('configure')).length;
    expect(configures()).toBe(1);
    const again = await install(machine, ['3.13t', '3.13.5t'], machine.env(), { source: machine.tarball });
    expect(again.events.map((e) => e.type)).toEqual(['reused', 'reused']);
    expect(configures()).toBe(1);
  });

  it('installs both builds of one release with --pair, fetching the source once', async () => {
    const machine = fakeMachine();
    const { installed, error } = await install(machine, ['pair:3.13'], machine.env());
    expect(error).toBeNull();
    expect(installed.map((x) => [x.name, x.backend, x.source])).toEqual([
      ['3.13.5', 'source', m.aptSource('python3.13', 'trixie')],
      ['3.13.5t', 'source', m.aptSource('python3.13', 'trixie')],
    ]);
    expect(machine.called().filter((c) => c.includes('source --download-only'))).toHaveLength(1);
  });

  it('fetches the distribution source package with a private apt state', async () => {
    const machine = fakeMachine();
    await install(machine, ['3.13'], machine.env());
    const apt = machine.called().filter((c) => c.startsWith('apt-get'));
    expect(apt).toHaveLength(2);
    for (const call of apt) {
      expect(call).toMatch(/-o Dir::State::Lists=\S+\/apt-trixie\/lists /);
      expect(call).toMatch(/-o Dir::Etc::SourceList=\S+\/apt-trixie\/sources.list /);
      expect(call).toContain('-o Dir::Etc::SourceParts=/dev/null');
      expect(call).toMatch(/-o Dir::Cache=\S+\/apt-trixie\/cache /);
    }
    expect(apt[1]).toMatch(/ source --download-only python3\.13$/);
  });
});

describe('installPythons when a step fails', () => {
  const cases = [
    { stage: 'fetch', fail: undefined, source: '/nonexistent.tgz', code: 'E_NOT_FOUND', reason: m.sourceMissing('/nonexistent.tgz') },
    { stage: 'configure', fail: 'configure', code: 'E_FAILED', reason: 'no acceptable C compiler' },
    { stage: 'compile', fail: 'compile', code: 'E_FAILED', reason: 'Error 1' },
    { stage: 'install', fail: 'install', code: 'E_FAILED', reason: 'Permission denied' },
  ];
  for (const c of cases) {
    it(`fails at ${c.stage}, naming the stage and the log, and leaves nothing discovery would find`, async () => {
      const machine = fakeMachine();
      const { error, events } = await install(machine, ['3.13t'], machine.env({ fail: c.fail }), { source: c.source ?? machine.tarball });
      const [log] = logOf(events);
      expect(error?.code).toBe(c.code);
      expect(error?.message).toMatch(new RegExp(`^installing CPython 3\\.13t failed at ${c.stage}: .*${c.reason}.*\\(log: ${log}\\)$`));
      expect(error?.hint).toBe(m.failedHint(log!));
      expect(readFileSync(log!, 'utf8')).toContain(`# failed at ${c.stage}`);
      expect(readdirSync(machine.home).sort()).toEqual(['.staging', 'logs']);
      expect(readdirSync(path.join(machine.home, '.staging'))).toEqual([]);
      expect(await managedFound(machine)).toEqual([]);
    });
  }

  it('removes the work directory an install killed before left behind, and keeps one still in use', async () => {
    const machine = fakeMachine();
    const staging = path.join(machine.home, '.staging');
    // A pid no process has (above the kernel's pid_max of 2^22), and this process's own.
    mkdirSync(path.join(staging, '4194305-20250101-000000', '3.13t', 'build'), { recursive: true });
    mkdirSync(path.join(staging, `${process.pid}-20250101-000000`), { recursive: true });
    await install(machine, ['3.13'], machine.env(), { source: machine.tarball });
    expect(readdirSync(staging)).toEqual([`${process.pid}-20250101-000000`]);
  });

  it('says that no backend worked, and what to do, on a machine with no uv, no pyenv and no source package', async () => {
    const machine = fakeMachine();
    const { error, events } = await install(machine, ['3.13t'], machine.env(), { osRelease: path.join(machine.root, 'no-os-release') });
    const [log] = logOf(events);
    expect(error?.code).toBe('E_FAILED');
    expect(error?.message).toBe(m.noBackend('3.13t', [`uv: ${m.notOnPath('uv')}`, `pyenv: ${m.notOnPath('pyenv')}`, `source build: ${m.notDebian}`], log!));
    expect(error?.hint).toBe(m.noBackendHint('3.13t'));
  });

  it('says which suites it tried when apt cannot fetch', async () => {
    const machine = fakeMachine();
    const { error } = await install(machine, ['3.13t'], machine.env({ fail: 'fetch' }));
    expect(error?.message).toContain("source build: trixie: `apt-get update` failed (exit code 100): E: Failed to fetch");
  });

  it('refuses a tarball of another version at fetch', async () => {
    const machine = fakeMachine('3.12.1');
    const { error } = await install(machine, ['3.13t'], machine.env(), { source: machine.tarball });
    expect(error?.message).toContain(`failed at fetch: ${m.wrongSourceVersion(machine.tarball, '3.12.1', '3.13t')}`);
  });
});

describe('installPythons: which backend', () => {
  it('takes uv first when it is on PATH, and moves its install into the managed directory', async () => {
    const machine = fakeMachine();
    const { installed, events } = await install(machine, ['3.13t'], machine.env({ uv: true, pyenv: true }));
    expect(installed.map((x) => [x.name, x.backend, x.prefix])).toEqual([['3.13.5t', 'uv', path.join(machine.home, '3.13.5t')]]);
    expect(events.filter((e) => e.type === 'backend')).toEqual([{ type: 'backend', backend: 'uv', status: 'trying', reason: null }]);
    expect(machine.called().some((c) => c.startsWith('pyenv') || c.startsWith('apt-get'))).toBe(false);
    expect((await managedFound(machine)).map((p) => p.path)).toEqual([path.join(machine.home, '3.13.5t', 'bin', 'python3.13t')]);
  });

  it('tries pyenv when uv fails, and the source build when pyenv fails, saying why each failed', async () => {
    const machine = fakeMachine();
    const { installed, events } = await install(machine, ['3.13t'], machine.env({ uv: true, pyenv: true, fail: 'uv,pyenv', FAKE_PYENV_HAS: '3.13.5t' }));
    expect(installed.map((x) => [x.name, x.backend])).toEqual([['3.13.5t', 'source']]);
    const backends = events.flatMap((e) => (e.type === 'backend' ? [[e.backend, e.status]] : []));
    expect(backends).toEqual([
      ['uv', 'trying'],
      ['uv', 'failed'],
      ['pyenv', 'trying'],
      ['pyenv', 'failed'],
      ['source', 'trying'],
    ]);
    const failed = events.filter((e) => e.type === 'backend' && e.status === 'failed').map((e) => (e as { reason: string }).reason);
    expect(failed[0]).toContain('dns error');
    expect(failed[1]).toMatch(/^`pyenv install 3\.13\.5t` failed \(exit code 1\): BUILD FAILED/);
  });

  it('installs with pyenv into its own versions when its definitions have the version', async () => {
    const machine = fakeMachine();
    const { installed } = await install(machine, ['3.13t'], machine.env({ pyenv: true }));
    expect(installed.map((x) => [x.name, x.backend, x.prefix])).toEqual([['3.13.4t', 'pyenv', path.join(machine.root, 'pyenv-root', 'versions', '3.13.4t')]]);
    expect(machine.called()).toContain('pyenv install --skip-existing 3.13.4t');
    const layout = managedPythons({ POOLSCOPE_PYTHON_HOME: machine.home });
    await removePythons(layout, ['3.13t'], machine.env({ pyenv: true }));
    expect(existsSync(path.join(machine.root, 'pyenv-root', 'versions', '3.13.4t'))).toBe(false);
  });

  it('passes pyenv over when its definitions lack the version, naming the nearest ones', async () => {
    const machine = fakeMachine();
    const { events } = await install(machine, ['3.13.5t'], machine.env({ pyenv: true }), {});
    expect(events).toContainEqual({ type: 'backend', backend: 'pyenv', status: 'skipped', reason: m.noDefinition('3.13.5t', ['3.13.4', '3.13.4t']) });
  });

  it('fails the pyenv attempt for a network failure and then builds the distribution source', async () => {
    const machine = fakeMachine();
    const { installed, events } = await install(machine, ['3.13t'], machine.env({ pyenv: true, fail: 'pyenv', FAKE_PYENV_HAS: '3.13.5t' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'backend', backend: 'pyenv', status: 'failed', reason: expect.stringContaining('BUILD FAILED') }));
    expect(installed.map((x) => [x.name, x.backend])).toEqual([['3.13.5t', 'source']]);
  });
});

describe('removePythons', () => {
  it('removes the prefix, the manifest and the log; refuses a name that is not installed', async () => {
    const machine = fakeMachine();
    const { installed } = await install(machine, ['pair:3.13'], machine.env(), { source: machine.tarball });
    const layout = managedPythons({ POOLSCOPE_PYTHON_HOME: machine.home });
    await expect(removePythons(layout, ['3.12'], machine.env())).rejects.toThrow(m.notInstalled('3.12', ['3.13.5', '3.13.5t']));
    const removed = await removePythons(layout, ['3.13.5t'], machine.env());
    expect(removed.map((x) => x.name)).toEqual(['3.13.5t']);
    expect(existsSync(installed[1]!.prefix) || existsSync(installed[1]!.log)).toBe(false);
    expect((await listManifests(layout)).map((x) => x.name)).toEqual(['3.13.5']);
    await removePythons(layout, ['3.13'], machine.env());
    expect(readdirSync(machine.home).sort()).toEqual(['.staging', 'logs']);
  });
});
