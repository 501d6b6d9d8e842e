import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPythons, type DiscoveredPython, type PythonFound } from '../../../src/targets/python/discover.js';
import { runnerMessages } from '../../../src/messages.js';
import { ANY_PYTHON, OPT_313T, needs, pyenvPython } from './interpreters.js';

function script(file: string, body: string): string {
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const ok = (found: DiscoveredPython[]) => found.filter((p): p is PythonFound => p.status === 'ok');

describe.skipIf(!ANY_PYTHON)(needs('discoverPythons in a made-up environment', ANY_PYTHON, 'Python 3.8+'), () => {
  // One real interpreter reached six ways, and three things that are not usable interpreters.
  const root = mkdtempSync(path.join(tmpdir(), 'poolscope-discover-'));
  const real = realpathSync(ANY_PYTHON!);
  const dir = (...parts: string[]) => {
    const d = path.join(root, ...parts);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const bin = dir('bin');
  symlinkSync(ANY_PYTHON!, path.join(bin, 'python3'));
  symlinkSync(path.join(root, 'gone'), path.join(bin, 'python3.99'));
  script(path.join(bin, 'python2'), 'echo "boom: no such interpreter" >&2\nexit 1');
  script(path.join(bin, 'python3-config'), 'exit 0');
  symlinkSync(ANY_PYTHON!, path.join(dir('pyenv', 'versions', '1.0.0', 'bin'), 'python'));
  symlinkSync(ANY_PYTHON!, path.join(dir('opt', 'x', 'bin'), 'python3'));
  // A launcher that runs the interpreter found elsewhere, as a pyenv shim does.
  const launcher = script(path.join(dir('mine'), 'python'), `exec "${real}" "$@"`);
  const missing = path.join(root, 'nowhere', 'python3.13t');
  const env = { HOME: root, PATH: bin, PYENV_ROOT: path.join(root, 'pyenv'), POOLSCOPE_PYTHONS: path.join(root, 'mine'), UV_PYTHON_INSTALL_DIR: path.join(root, 'uv') };
  const discovering = discoverPythons({ env, optRoot: path.join(root, 'opt'), explicit: [missing] });

  it('lists one interpreter once, with every way it was reached', async () => {
    const found = ok(await discovering);
    expect(found).toHaveLength(1);
    const [python] = found;
    expect(python).toMatchObject({ path: real, sources: ['POOLSCOPE_PYTHONS', 'opt', 'pyenv', 'PATH'] });
    expect(python!.aliases).toEqual(
      [launcher, path.join(bin, 'python3'), path.join(root, 'opt', 'x', 'bin', 'python3'), path.join(root, 'pyenv', 'versions', '1.0.0', 'bin', 'python')].sort(),
    );
    expect(python!.runtime_version).toMatch(/^3\.\d+\.\d+$/);
    expect(python!.version).toContain(python!.runtime_version);
  });

  it('lists what cannot be used, with the reason, after the usable ones', async () => {
    const found = await discovering;
    expect(found[0]!.status).toBe('ok');
    const failed = Object.fromEntries(found.flatMap((p) => (p.status === 'failed' ? [[p.path, p.reason]] : [])));
    expect(failed).toEqual({
      [path.join(bin, 'python2')]: 'exit code 1: boom: no such interpreter',
      [path.join(bin, 'python3.99')]: runnerMessages.interpreterMissing(path.join(bin, 'python3.99')),
      [missing]: runnerMessages.interpreterMissing(missing),
    });
  });

  it('probes only explicit paths when asked not to search', async () => {
    const found = await discoverPythons({ env, optRoot: path.join(root, 'opt'), explicit: [launcher], search: false });
    expect(found.map((p) => [p.path, p.sources, p.status])).toEqual([[launcher, ['explicit'], 'ok']]);
  });
});

describe.skipIf(!ANY_PYTHON)(needs('discoverPythons on a busy machine', ANY_PYTHON, 'Python 3.8+'), () => {
  // Interpreters that miss the probe's time limit on their first call only (a marker file says
  // whether they were called before), as on a loaded machine; each logs when its later calls run.
  const root = mkdtempSync(path.join(tmpdir(), 'poolscope-slow-'));
  const real = realpathSync(ANY_PYTHON!);
  const slow = (name: string) =>
    script(
      path.join(root, name),
      [
        `if [ ! -e "${root}/${name}.called" ]; then touch "${root}/${name}.called"; exec sleep 5; fi`,
        `echo "start $(date +%s%N)" >> "${root}/${name}.log"`,
        `"${real}" "$@"; status=$?`,
        `echo "end $(date +%s%N)" >> "${root}/${name}.log"`,
        'exit $status',
      ].join('\n'),
    );
  const never = script(path.join(root, 'python-hangs'), `echo call >> "${root}/hangs.log"\nexec sleep 5`);

  it('probes an interpreter that timed out once more, alone, and lists it when it answers', async () => {
    const explicit = [slow('python-a'), slow('python-b'), never];
    const found = await discoverPythons({ explicit, search: false, probeTimeoutMs: 1500 });
    // Both slow launchers answered the second time (they run one interpreter, so they fold into one).
    expect(ok(found).flatMap((p) => [p.path, ...p.aliases]).sort()).toEqual([explicit[0], explicit[1]]);
    // One that never answers is asked twice, then listed with the reason.
    expect(found.find((p) => p.path === never)).toMatchObject({ status: 'failed', reason: runnerMessages.probeTimeout(1500) });
    expect(readFileSync(path.join(root, 'hangs.log'), 'utf8').trim().split('\n')).toHaveLength(2);
    // The second probes ran one at a time: neither overlaps the other.
    const span = (name: string) => readFileSync(path.join(root, `${name}.log`), 'utf8').trim().split('\n').map((line) => BigInt(line.split(' ')[1]!));
    const [a, b] = [span('python-a'), span('python-b')];
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(2);
    expect(a[1]! <= b[0]! || b[1]! <= a[0]!).toBe(true);
  });
});

describe('discoverPythons on this machine', () => {
  const discovering = discoverPythons();

  it.skipIf(!OPT_313T)(needs('folds the hard-linked python3.13 and python3.13t of a build into one', OPT_313T, '/opt/cpython/3.13t'), async () => {
    // build-cpython.sh installs python3.13 and python3.13t as two names of one file.
    const sibling = path.join(path.dirname(OPT_313T!), 'python3.13');
    const entry = (await discovering).find((p) => p.path === OPT_313T);
    expect(entry).toMatchObject({ status: 'ok', free_threaded_build: true, gil_enabled: false, sources: expect.arrayContaining(['opt']) });
    expect(entry!.aliases).toContain(sibling);
    expect((await discovering).some((p) => p.path === sibling)).toBe(false);
  });

  for (const minor of ['2.7', '3.6', '3.7']) {
    const old = pyenvPython(minor);
    it.skipIf(!old)(needs(`lists pyenv's Python ${minor} as too old, with its version`, old, `pyenv Python ${minor}`), async () => {
      const entry = (await discovering).find((p) => p.path === realpathSync(old!));
      expect(entry).toMatchObject({ status: 'failed', sources: ['pyenv'] });
      if (entry?.status === 'failed') expect(entry.reason).toBe(runnerMessages.tooOldForHarness(entry.runtime_version!));
    });
  }

  for (const minor of ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13']) {
    const python = pyenvPython(minor);
    it.skipIf(!python)(needs(`lists pyenv's Python ${minor} as usable`, python, `pyenv Python ${minor}`), async () => {
      const entry = (await discovering).find((p) => p.path === realpathSync(python!));
      expect(entry).toMatchObject({ status: 'ok', free_threaded_build: false, gil_enabled: true });
    });
  }
});
