import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@poolscope/core';
import type { DiscoveredPython, PythonFound } from '../../../src/targets/python/discover.js';
import { runnerMessages } from '../../../src/messages.js';
import { choosePython, parsePythonTarget, pythonTargetName, resolvePythonTargets } from '../../../src/targets/python/names.js';
import { GIL_313, OPT_313, OPT_313T, needs, pyenvPython } from './interpreters.js';

function python(file: string, version: [number, number, number, string], freeThreaded: boolean, sources: PythonFound['sources'] = ['PATH']): PythonFound {
  const runtime = `${version.slice(0, 3).join('.')}`;
  return {
    status: 'ok',
    path: file,
    aliases: [],
    sources,
    implementation: 'cpython',
    version: `${runtime} (main)`,
    runtime_version: runtime,
    version_info: [version[0], version[1], version[2], version[3], 0],
    executable: file,
    free_threaded_build: freeThreaded,
    gil_enabled: !freeThreaded,
  };
}

describe('parsePythonTarget', () => {
  it.each([
    ['python3.13', { kind: 'version', major: 3, minor: 13, freeThreaded: false }],
    ['python3.13t', { kind: 'version', major: 3, minor: 13, freeThreaded: true }],
    ['python3.8', { kind: 'version', major: 3, minor: 8, freeThreaded: false }],
    ['python:/opt/x/bin/python3', { kind: 'path', path: '/opt/x/bin/python3' }],
    ['python:rel/python', { kind: 'path', path: 'rel/python' }],
  ] as const)('%s', (name, spec) => expect(parsePythonTarget(name)).toEqual(spec));

  it.each(['python3', 'python', 'python:', 'node-pool', 'python3.13x', 'pypy3.10'])('%s is not a Python target name', (name) => {
    expect(parsePythonTarget(name)).toBeNull();
  });
});

describe('choosePython', () => {
  const found: DiscoveredPython[] = [
    python('/a/python3.13', [3, 13, 0, 'final'], false, ['pyenv']),
    python('/b/python3.13', [3, 13, 5, 'final'], false, ['PATH']),
    python('/c/python3.13', [3, 13, 5, 'candidate'], false, ['explicit']),
    python('/d/python3.13', [3, 13, 5, 'final'], false, ['opt']),
    python('/e/python3.13t', [3, 13, 5, 'final'], true, ['opt']),
    { status: 'failed', path: '/f/python3.14', aliases: [], sources: ['PATH'], reason: 'broken' },
  ];
  const spec = (name: string) => parsePythonTarget(name) as Extract<ReturnType<typeof parsePythonTarget>, { kind: 'version' }>;

  it('takes the newest micro version, a final release, then the preferred place, then the path', () => {
    expect(choosePython(found, spec('python3.13'))?.path).toBe('/d/python3.13');
    expect(choosePython(found.filter((p) => p.path !== '/d/python3.13'), spec('python3.13'))?.path).toBe('/b/python3.13');
  });

  it('tells the builds apart, and finds nothing for a version that is not there', () => {
    expect(choosePython(found, spec('python3.13t'))?.path).toBe('/e/python3.13t');
    expect(choosePython(found, spec('python3.14'))).toBeUndefined();
  });

  it('names each interpreter by the version name that chooses it, else by path', () => {
    expect(found.flatMap((p) => (p.status === 'ok' ? [pythonTargetName(p, found)] : []))).toEqual([
      'python:/a/python3.13',
      'python:/b/python3.13',
      'python:/c/python3.13',
      'python3.13',
      'python3.13t',
    ]);
  });
});

describe('resolvePythonTargets on this machine', () => {
  it.skipIf(!GIL_313)(needs('resolves python3.13 to the newest 3.13 GIL build', GIL_313, 'Python 3.13'), async () => {
    const [resolved] = await resolvePythonTargets(['python3.13']);
    expect(resolved!.target).toBe('python3.13');
    expect(resolved!.interpreter).toMatchObject({ free_threaded_build: false, version_info: [3, 13, expect.any(Number), 'final', 0] });
    // /opt/cpython/3.13 (3.13.5) is newer than pyenv's 3.13.0.
    if (OPT_313) expect(resolved!.interpreter.path).toBe(OPT_313);
  });

  it.skipIf(!OPT_313T)(needs('resolves python3.13t and python:PATH in one discovery', OPT_313T, '/opt/cpython/3.13t'), async () => {
    const resolved = await resolvePythonTargets(['python3.13t', `python:${path.join(path.dirname(OPT_313T!), 'python3.13')}`]);
    expect(resolved.map((r) => [r.target, r.interpreter.path])).toEqual([
      ['python3.13t', OPT_313T],
      [`python:${path.join(path.dirname(OPT_313T!), 'python3.13')}`, OPT_313T],
    ]);
  });

  it('says which interpreters there are when none answers to a name', async () => {
    const error = await resolvePythonTargets(['python3.99']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ERROR_CODES.RUNTIME, hint: runnerMessages.noSuchInterpreterHint });
    expect((error as Error).message).toMatch(/^no interpreter found for target 'python3\.99'/);
  });

  it('refuses a name that is not a Python target', async () => {
    await expect(resolvePythonTargets(['python3'])).rejects.toMatchObject({ code: ERROR_CODES.USAGE, message: runnerMessages.notPythonTarget('python3') });
  });

  it('says why an explicit interpreter cannot be used', async () => {
    await expect(resolvePythonTargets(['python:/no/such/python3'])).rejects.toMatchObject({
      code: ERROR_CODES.RUNTIME,
      message: runnerMessages.explicitUnusable('/no/such/python3', runnerMessages.interpreterMissing('/no/such/python3')),
    });
    const old = pyenvPython('3.7');
    if (old) {
      await expect(resolvePythonTargets([`python:${old}`])).rejects.toMatchObject({
        message: expect.stringMatching(/is not usable: Python 3\.7\.\d+ is too old for the poolscope harness/),
      });
    }
  });
});
