import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The interpreters these tests can use on this machine, found by real path (the pyenv shims on PATH
 * fail unless pyenv selects their version). Tests that need one skip, naming it, when it is absent.
 */
const PYENV_ROOT = process.env.PYENV_ROOT ?? path.join(homedir(), '.pyenv');

/** `$(pyenv root)/versions/3.X.*\/bin/python3.X`, the newest patch, if installed. */
export function pyenvPython(minor: string): string | undefined {
  const versions = path.join(PYENV_ROOT, 'versions');
  if (!existsSync(versions)) return undefined;
  const found = readdirSync(versions)
    .filter((v) => v.startsWith(`${minor}.`) && /^\d+\.\d+\.\d+$/.test(v))
    .sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]))
    .map((v) => path.join(versions, v, 'bin', `python${minor}`))
    .filter((p) => existsSync(p));
  return found[0];
}

function existing(file: string): string | undefined {
  return existsSync(file) ? file : undefined;
}

/** The builds ../shared/tools/build-cpython.sh makes: one release, with and without the GIL. */
export const OPT_313 = existing('/opt/cpython/3.13/bin/python3.13');
export const OPT_313T = existing('/opt/cpython/3.13t/bin/python3.13t');

/** A GIL-build 3.13: the /opt build if present (same release as 3.13t), else pyenv's. */
export const GIL_313 = OPT_313 ?? pyenvPython('3.13');

/** Any Python the harness runs on, for tests that do not care which. */
export const ANY_PYTHON =
  GIL_313 ?? ['3.12', '3.11', '3.10', '3.9', '3.8'].map(pyenvPython).find(Boolean) ?? existing('/usr/bin/python3');

/** A test title that says why it is skipped when `file` is missing. */
export function needs(title: string, file: string | undefined, what: string): string {
  return file ? title : `${title} [skipped: no ${what} on this machine]`;
}
