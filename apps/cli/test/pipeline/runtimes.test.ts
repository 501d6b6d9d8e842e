import { describe, expect, it } from 'vitest';
import type { DiscoveredPython, PythonFound } from '@poolscope/runner';
import { pipelineMessages as m } from '../../src/pipeline/messages.js';
import { choosePythonPair, chooseRuntimes, groupSkipped } from '../../src/pipeline/runtimes.js';

/** An interpreter as discovery reports it. */
function py(path: string, version: string, freeThreaded = false, implementation = 'cpython'): PythonFound {
  const [major, minor, micro] = version.split('.').map(Number) as [number, number, number];
  return {
    status: 'ok',
    path,
    aliases: [],
    sources: ['opt'],
    implementation,
    version: `${version} (main) [GCC 12.2.0]`,
    runtime_version: version,
    version_info: [major, minor, micro, 'final', 0],
    executable: path,
    free_threaded_build: freeThreaded,
    gil_enabled: !freeThreaded,
  };
}
const node = { version: '20.20.2', path: '/usr/bin/node' };
const failed = (path: string, reason: string): DiscoveredPython => ({ status: 'failed', path, aliases: [], sources: ['PATH'], reason });

describe('choosing the runtimes to measure', () => {
  it('prefers a GIL and free-threaded pair of the same minor version, as the RCA compared them', () => {
    const found = [py('/a/python3.14', '3.14.0'), py('/opt/3.13/python3.13', '3.13.5'), py('/opt/3.13t/python3.13t', '3.13.5', true), py('/p/python3.12', '3.12.1')];
    const pair = choosePythonPair(found);
    expect([pair.gil?.path, pair.freeThreaded?.path]).toEqual(['/opt/3.13/python3.13', '/opt/3.13t/python3.13t']);
    const choice = chooseRuntimes(found, node);
    expect(choice.targets).toEqual(['node-pool', 'node-main', 'python3.13', 'python3.13t']);
    expect(choice.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['python3.14', m.newerUnpaired(m.gilBuild, 'python3.13', 'python3.13t')],
      ['python3.12', m.olderThan(m.gilBuild, 'python3.13', '3.13.5')],
    ]);
    expect(choice.notes).toEqual([]);
  });

  it('counts pyenv shims that run no Python apart, without listing them among the interpreters skipped', () => {
    const shim = (path: string): DiscoveredPython => ({ status: 'shim', path, aliases: [], sources: ['PATH'], reason: 'exit code 127: pyenv: python3.9: command not found' });
    const found = [py('/opt/3.13/python3.13', '3.13.5'), failed('/usr/bin/python2', 'too old'), shim('/s/python3.9'), shim('/s/python3.8')];
    const choice = chooseRuntimes(found, node);
    expect(choice.skipped.map((s) => s.path)).toEqual(['/usr/bin/python2']);
    expect(choice.pyenvShims).toEqual(['/s/python3.9', '/s/python3.8']);
  });

  it('takes the newest micro release a version name chooses, and says why the other one was left out', () => {
    const found = [py('/opt/3.13/python3.13', '3.13.5'), py('/pyenv/3.13.0/python3.13', '3.13.0'), py('/opt/3.13t/python3.13t', '3.13.5', true)];
    const choice = chooseRuntimes(found, node);
    expect(choice.used.map((u) => u.path)).toEqual(['/usr/bin/node', '/usr/bin/node', '/opt/3.13/python3.13', '/opt/3.13t/python3.13t']);
    expect(choice.skipped).toEqual([
      { name: 'python:/pyenv/3.13.0/python3.13', version: '3.13.0', path: '/pyenv/3.13.0/python3.13', reason: m.sameVersionName('python3.13', '3.13.5') },
    ]);
  });

  it('without a pair, takes the newest of each build', () => {
    const found = [py('/a/python3.12', '3.12.1'), py('/b/python3.11', '3.11.7'), py('/c/python3.14t', '3.14.0', true)];
    const pair = choosePythonPair(found);
    expect([pair.gil?.runtime_version, pair.freeThreaded?.runtime_version]).toEqual(['3.12.1', '3.14.0']);
  });

  it('without a free-threaded build, measures the newest GIL build and says what is missing', () => {
    const choice = chooseRuntimes([py('/a/python3.12', '3.12.1'), py('/b/python3.11', '3.11.7')], node);
    expect(choice.targets).toEqual(['node-pool', 'node-main', 'python3.12']);
    expect(choice.notes).toEqual([m.noFreeThreaded]);
  });

  it('with no Python at all, measures the Node targets and says so', () => {
    const choice = chooseRuntimes([failed('/usr/bin/python3', 'exit code 127')], node);
    expect(choice.targets).toEqual(['node-pool', 'node-main']);
    expect(choice.used.map((u) => u.description)).toEqual([m.nodePool('20.20.2'), m.nodeMain('20.20.2')]);
    expect(choice.skipped).toEqual([{ name: '/usr/bin/python3', version: null, path: '/usr/bin/python3', reason: 'exit code 127' }]);
    expect(choice.notes).toEqual([m.noPythonFound]);
    expect(chooseRuntimes([], node).notes).toEqual([m.noPythonFound]);
  });


  it('leaves out interpreters that are not CPython', () => {
    const choice = chooseRuntimes([py('/opt/3.13/python3.13', '3.13.5'), py('/pypy/python3.10', '3.10.14', false, 'pypy')], node);
    expect(choice.skipped.map((s) => s.reason)).toEqual([m.notCpython('pypy')]);
  });

  it("folds a terminal's listing of interpreters that fail alike in one directory", () => {
    const shim = (name: string) => ({ name: `/shims/${name}`, version: null, path: `/shims/${name}`, reason: `exit code 127: pyenv: ${name}: command not found` });
    const groups = groupSkipped([shim('python2'), shim('python3.9'), { name: '/x/python3.6', version: '3.6.15', path: '/x/python3.6', reason: 'too old' }]);
    expect(groups).toEqual([
      { names: ['/shims/python2', 'python3.9'], version: null, reason: 'exit code 127: pyenv: python2: command not found' },
      { names: ['/x/python3.6'], version: '3.6.15', reason: 'too old' },
    ]);
  });
});
