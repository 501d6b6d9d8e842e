import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPythons } from '../../src/targets/python/discover.js';
import { pythonsHome } from '../../src/install/home.js';
import { writeFakePython as fakePython } from '../fixtures/fake-cpython.js';

describe('where poolscope python install puts its builds', () => {
  it('is POOLSCOPE_PYTHON_HOME, else XDG_DATA_HOME/poolscope/pythons, else ~/.local/share/poolscope/pythons', () => {
    expect(pythonsHome({ POOLSCOPE_PYTHON_HOME: '/p', XDG_DATA_HOME: '/x', HOME: '/h' })).toBe('/p');
    expect(pythonsHome({ XDG_DATA_HOME: '/x', HOME: '/h' })).toBe('/x/poolscope/pythons');
    expect(pythonsHome({ HOME: '/h' })).toBe('/h/.local/share/poolscope/pythons');
  });
});

describe('discoverPythons and the managed directory', () => {
  it('finds the builds in the managed directory, and nothing in its staging directory or logs', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'poolscope-managed-'));
    const home = path.join(root, 'data', 'poolscope', 'pythons');
    const installed = fakePython(path.join(home, '3.13.5t', 'bin', 'python3.13t'));
    fakePython(path.join(home, '.staging', '123-20250101-000000', '3.13t', 'root', home, '3.13.5t', 'bin', 'python3.13t'));
    fakePython(path.join(home, '.staging', 'bin', 'python3.13t'));
    mkdirSync(path.join(home, 'logs'), { recursive: true });
    const found = await discoverPythons({ env: { HOME: root, PATH: '', XDG_DATA_HOME: path.join(root, 'data') }, optRoot: path.join(root, 'none') });
    expect(found.map((p) => [p.status, p.sources, p.path])).toEqual([['ok', ['managed'], installed]]);
    expect(found[0]).toMatchObject({ runtime_version: '3.13.5', free_threaded_build: true });
  });
});

describe('discoverPythons and pyenv shims that run no Python', () => {
  it('tells a shim pyenv cannot resolve apart from an interpreter that fails', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'poolscope-shims-'));
    const shims = path.join(root, 'shims');
    mkdirSync(shims);
    // pyenv's shim, as `pyenv rehash` writes it, with a pyenv that resolves no version.
    const pyenv = path.join(root, 'libexec', 'pyenv');
    mkdirSync(path.dirname(pyenv));
    writeFileSync(pyenv, '#!/bin/sh\necho "pyenv: $2: command not found" >&2\nexit 127\n');
    chmodSync(pyenv, 0o755);
    for (const name of ['python3.9', 'python2']) {
      writeFileSync(path.join(shims, name), `#!/usr/bin/env bash\nset -e\nprogram="\${0##*/}"\nexec "${pyenv}" exec "$program" "$@"\n`);
      chmodSync(path.join(shims, name), 0o755);
    }
    const broken = path.join(shims, 'python3');
    writeFileSync(broken, '#!/bin/sh\necho "not today" >&2\nexit 4\n');
    chmodSync(broken, 0o755);
    const found = await discoverPythons({ env: { HOME: root, PATH: `${shims}:/usr/bin:/bin` }, optRoot: path.join(root, 'none'), explicit: [path.join(shims, 'python2')] });
    const of = (file: string) => found.find((p) => p.path === file);
    expect(of(path.join(shims, 'python3.9'))).toMatchObject({ status: 'shim', reason: 'exit code 127: pyenv: python3.9: command not found' });
    expect(of(broken)).toMatchObject({ status: 'failed', reason: 'exit code 4: not today' });
    // Named explicitly, a shim is an interpreter the user asked about: it fails like any other.
    expect(of(path.join(shims, 'python2'))).toMatchObject({ status: 'failed' });
    expect(found.at(-1)!.status).toBe('shim');
  });
});
