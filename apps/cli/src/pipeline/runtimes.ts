import { basename, dirname } from 'node:path';
import { choosePython, pythonTargetName, versionTargetName, type DiscoveredPython, type PythonFound } from '@poolscope/runner';
import { pipelineMessages as m } from './messages.js';

/** A runtime the pipeline measures. */
export interface UsedRuntime {
  /** The target name (`node-pool`, `python3.13t`, `python:/path`). */
  readonly target: string;
  /** For a person: `Node 20.20.2, worker pool`, `CPython 3.13.5, free-threaded build, GIL off`. */
  readonly description: string;
  readonly path: string | null;
}

/** An interpreter the pipeline found and did not measure, and why. */
export interface SkippedRuntime {
  /** What it is called (`python3.12`, or its path when it has no usable name). */
  readonly name: string;
  readonly version: string | null;
  readonly path: string;
  readonly reason: string;
}

/** Which targets to run, with what was found and left out. */
export interface RuntimeChoice {
  readonly targets: readonly string[];
  readonly used: readonly UsedRuntime[];
  readonly skipped: readonly SkippedRuntime[];
  /** pyenv shims that run no Python (not interpreters: counted, never listed among the skipped). */
  readonly pyenvShims: readonly string[];
  /** What is missing for the RCA's comparison (no CPython, no free-threaded build), as sentences. */
  readonly notes: readonly string[];
}

/** The Node targets, always measured. */
export const NODE_PIPELINE_TARGETS = ['node-pool', 'node-main'] as const;

/** `CPython 3.13.5, free-threaded build, GIL off`. */
export function describePython(python: PythonFound): string {
  const name = python.implementation === 'cpython' ? 'CPython' : python.implementation;
  const build = python.free_threaded_build ? m.freeThreadedBuild : m.gilBuild;
  const gil = python.gil_enabled === null ? '' : python.gil_enabled ? m.gilOn : m.gilOff;
  return [`${name} ${python.runtime_version}`, build, gil].filter(Boolean).join(', ');
}

const minorOf = (p: PythonFound) => `${p.version_info[0]}.${p.version_info[1]}`;
const newerMinor = (a: PythonFound, b: PythonFound) => b.version_info[0] - a.version_info[0] || b.version_info[1] - a.version_info[1];

/** The interpreter a version name chooses among `found` (the newest micro version of that build). */
function chosenFor(found: readonly DiscoveredPython[], python: PythonFound): PythonFound {
  const [major, minor] = python.version_info;
  return choosePython(found, { kind: 'version', major, minor, freeThreaded: python.free_threaded_build })!;
}

/**
 * The CPython interpreters to measure, as the RCA compared them: the newest GIL build and a
 * free-threaded build, preferring a pair of the same minor version (3.13 with 3.13t), else the newest
 * of each. Within a minor version the version name's own choice is taken (newest micro release).
 */
export function choosePythonPair(found: readonly DiscoveredPython[]): { gil: PythonFound | null; freeThreaded: PythonFound | null } {
  const cpython = found.filter((p): p is PythonFound => p.status === 'ok' && p.implementation === 'cpython');
  const gilBuilds = cpython.filter((p) => !p.free_threaded_build).sort(newerMinor);
  const ftBuilds = cpython.filter((p) => p.free_threaded_build).sort(newerMinor);
  const paired = ftBuilds.find((ft) => gilBuilds.some((g) => minorOf(g) === minorOf(ft)));
  if (paired) {
    const gil = gilBuilds.find((g) => minorOf(g) === minorOf(paired))!;
    return { gil: chosenFor(found, gil), freeThreaded: chosenFor(found, paired) };
  }
  return {
    gil: gilBuilds[0] ? chosenFor(found, gilBuilds[0]) : null,
    freeThreaded: ftBuilds[0] ? chosenFor(found, ftBuilds[0]) : null,
  };
}

/** Why an interpreter that works was not chosen. */
function whyNot(python: PythonFound, chosen: { gil: PythonFound | null; freeThreaded: PythonFound | null }, found: readonly DiscoveredPython[]): string {
  if (python.implementation !== 'cpython') return m.notCpython(python.implementation);
  const same = python.free_threaded_build ? chosen.freeThreaded : chosen.gil;
  if (same && minorOf(same) === minorOf(python)) return m.sameVersionName(versionTargetName(python), chosenFor(found, python).runtime_version);
  if (!same) return m.notPaired;
  const build = python.free_threaded_build ? m.freeThreadedBuild : m.gilBuild;
  if (newerMinor(python, same) > 0) return m.olderThan(build, pythonTargetName(same, found), same.runtime_version);
  const partner = python.free_threaded_build ? chosen.gil : chosen.freeThreaded;
  return partner ? m.newerUnpaired(build, pythonTargetName(same, found), pythonTargetName(partner, found)) : m.notPaired;
}

/**
 * What to measure: both Node targets, plus the CPython pair {@link choosePythonPair} picks. Every
 * other interpreter found is listed as skipped with the reason: not chosen, or cannot run. pyenv
 * shims that run no Python are not interpreters: they are only collected, to be counted.
 */
export function chooseRuntimes(found: readonly DiscoveredPython[], node: { version: string; path: string }): RuntimeChoice {
  const used: UsedRuntime[] = [
    { target: 'node-pool', description: m.nodePool(node.version), path: node.path },
    { target: 'node-main', description: m.nodeMain(node.version), path: node.path },
  ];
  const skipped: SkippedRuntime[] = [];
  const pyenvShims: string[] = [];
  const chosen = choosePythonPair(found);
  for (const python of [chosen.gil, chosen.freeThreaded]) {
    if (python) used.push({ target: pythonTargetName(python, found), description: describePython(python), path: python.path });
  }
  for (const python of found) {
    if (python === chosen.gil || python === chosen.freeThreaded) continue;
    if (python.status === 'shim') {
      pyenvShims.push(python.path);
      continue;
    }
    if (python.status !== 'ok') {
      skipped.push({ name: python.path, version: python.runtime_version ?? null, path: python.path, reason: python.reason });
      continue;
    }
    skipped.push({ name: pythonTargetName(python, found), version: python.runtime_version, path: python.path, reason: whyNot(python, chosen, found) });
  }
  const notes: string[] = [];
  if (!chosen.gil && !chosen.freeThreaded) notes.push(m.noPythonFound);
  else if (!chosen.freeThreaded) notes.push(m.noFreeThreaded);
  return { targets: used.map((u) => u.target), used, skipped, pyenvShims, notes };
}

/** Skipped interpreters that fail alike, folded for a terminal: one line per directory and reason. */
export interface SkippedGroup {
  readonly names: readonly string[];
  readonly version: string | null;
  readonly reason: string;
}

/**
 * Folds skipped interpreters whose reason is the same up to their own file name (pyenv's shims
 * all fail with "pyenv: NAME: command not found") and that live in the same directory, so that
 * a machine with many of them reads in a few lines. The first one's reason stands for the group.
 */
export function groupSkipped(skipped: readonly SkippedRuntime[]): SkippedGroup[] {
  const groups = new Map<string, { names: string[]; version: string | null; reason: string }>();
  for (const s of skipped) {
    const file = basename(s.path);
    const key = `${dirname(s.path)}\u0000${s.version ?? ''}\u0000${s.reason.split(file).join('\u0001')}`;
    const group = groups.get(key);
    if (group) group.names.push(file);
    else groups.set(key, { names: [s.name], version: s.version, reason: s.reason });
  }
  return [...groups.values()];
}
