import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { DISCOVERY_SOURCES, discoverPythons, type DiscoverOptions, type DiscoveredPython, type PythonFound } from './discover.js';
import { runnerMessages } from '../../messages.js';

/** What a Python target name asks for. */
export type PythonTargetSpec =
  | { kind: 'version'; major: number; minor: number; freeThreaded: boolean }
  | { kind: 'path'; path: string };

const VERSION_NAME = /^python(\d+)\.(\d+)(t?)$/;
const PATH_PREFIX = 'python:';

/** `python3.13` (GIL build), `python3.13t` (free-threaded build), `python:PATH`; null for any other name. */
export function parsePythonTarget(name: string): PythonTargetSpec | null {
  if (name.startsWith(PATH_PREFIX) && name.length > PATH_PREFIX.length) return { kind: 'path', path: name.slice(PATH_PREFIX.length) };
  const match = VERSION_NAME.exec(name);
  if (!match) return null;
  return { kind: 'version', major: Number(match[1]), minor: Number(match[2]), freeThreaded: match[3] === 't' };
}

/** `python3.13` or `python3.13t`: the version name an interpreter answers to. */
export function versionTargetName(python: PythonFound): string {
  const [major, minor] = python.version_info;
  return `python${major}.${minor}${python.free_threaded_build ? 't' : ''}`;
}

/** Final releases before release candidates, betas and alphas of the same micro version. */
const RELEASE_ORDER = ['final', 'candidate', 'beta', 'alpha'];

/**
 * The interpreter a version name means, among those found: same major.minor and build (free-threaded
 * or not); then the newest micro version; then a final release over a pre-release; then where it was
 * found (explicit, POOLSCOPE_PYTHONS, /opt/cpython, uv, pyenv, PATH); then the path, alphabetically.
 */
export function choosePython(found: readonly DiscoveredPython[], spec: Extract<PythonTargetSpec, { kind: 'version' }>): PythonFound | undefined {
  const rank = (p: PythonFound) => Math.min(...p.sources.map((s) => DISCOVERY_SOURCES.indexOf(s)));
  return found
    .filter((p): p is PythonFound => p.status === 'ok')
    .filter((p) => p.version_info[0] === spec.major && p.version_info[1] === spec.minor && p.free_threaded_build === spec.freeThreaded)
    .sort(
      (a, b) =>
        b.version_info[2] - a.version_info[2] ||
        RELEASE_ORDER.indexOf(a.version_info[3]) - RELEASE_ORDER.indexOf(b.version_info[3]) ||
        rank(a) - rank(b) ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    )[0];
}

/** The name to give an interpreter in a listing: its version name if that name chooses it, else `python:PATH`. */
export function pythonTargetName(python: PythonFound, found: readonly DiscoveredPython[]): string {
  const name = versionTargetName(python);
  const spec = parsePythonTarget(name) as Extract<PythonTargetSpec, { kind: 'version' }>;
  return choosePython(found, spec) === python ? name : `${PATH_PREFIX}${python.path}`;
}

/** A target name and the interpreter it runs on. */
export interface ResolvedPython {
  target: string;
  interpreter: PythonFound;
}

/**
 * Resolves Python target names to interpreters, discovering once (searching only when a version name
 * needs it). Throws E_USAGE for a name that is not a Python target name, and E_RUNTIME, listing the
 * usable names, when no interpreter answers to a version name or a `python:PATH` cannot be used.
 */
export async function resolvePythonTargets(names: readonly string[], options: DiscoverOptions = {}): Promise<ResolvedPython[]> {
  const specs = names.map((name) => {
    const spec = parsePythonTarget(name);
    if (!spec) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.notPythonTarget(name));
    return { name, spec };
  });
  const cwd = options.cwd ?? process.cwd();
  const explicit = specs.flatMap(({ spec }) => (spec.kind === 'path' ? [spec.path] : []));
  const found = await discoverPythons({
    ...options,
    explicit: [...(options.explicit ?? []), ...explicit],
    search: (options.search ?? true) && specs.some(({ spec }) => spec.kind === 'version'),
  });
  const usable = () => found.flatMap((p) => (p.status === 'ok' ? [pythonTargetName(p, found)] : []));
  const resolved: ResolvedPython[] = [];
  for (const { name, spec } of specs) {
    if (spec.kind === 'version') {
      const interpreter = choosePython(found, spec);
      if (!interpreter) throw new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.noSuchInterpreter(name, usable()), { hint: runnerMessages.noSuchInterpreterHint });
      resolved.push({ target: name, interpreter });
      continue;
    }
    const given = path.resolve(cwd, spec.path);
    const real = await realpath(given).catch(() => given);
    const entry = found.find((p) => p.path === real || p.aliases.includes(real) || p.aliases.includes(given))!;
    if (entry.status !== 'ok') throw new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.explicitUnusable(spec.path, entry.reason), { hint: runnerMessages.interpreterHint });
    resolved.push({ target: name, interpreter: entry });
  }
  return resolved;
}
