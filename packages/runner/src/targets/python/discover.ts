import { open, readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { pythonsHome } from '../../install/home.js';
import { probeInterpreter, type ProbeOk } from './probe.js';

/** Where an interpreter was found; also the order of preference between equal versions. */
export const DISCOVERY_SOURCES = ['explicit', 'POOLSCOPE_PYTHONS', 'managed', 'opt', 'uv', 'pyenv', 'PATH'] as const;
export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number];

interface Found {
  /** The executable with symbolic links resolved: what is run. */
  path: string;
  /** Other paths that are the same interpreter (symlinks, hard links, a pyenv shim that runs it). */
  aliases: string[];
  sources: DiscoverySource[];
}

/** An interpreter the harness can run on. */
export interface PythonFound extends Found, Omit<ProbeOk, 'status'> {
  status: 'ok';
}

/** An interpreter that was found but cannot be used, and why. */
export interface PythonUnusable extends Found {
  status: 'failed';
  reason: string;
  /** Set when it ran but is older than the harness needs. */
  runtime_version?: string;
}

/**
 * A pyenv shim that runs no Python: pyenv selects no installed version that has the command
 * (`pyenv: python3.9: command not found`). Not an interpreter; listings count these apart.
 */
export interface PyenvShim extends Found {
  status: 'shim';
  reason: string;
}

export type DiscoveredPython = PythonFound | PythonUnusable | PyenvShim;

export interface DiscoverOptions {
  /** Where PATH, PYENV_ROOT, HOME, UV_PYTHON_INSTALL_DIR, XDG_DATA_HOME, POOLSCOPE_PYTHONS and POOLSCOPE_PYTHON_HOME come from. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Interpreters named explicitly (`python:PATH` targets); listed even when they do not exist. Default: none. */
  explicit?: readonly string[];
  /** Look in the usual places; false probes only `explicit`. Default: true. */
  search?: boolean;
  /** A directory of CPython prefixes (`/opt/cpython/3.13t/bin/python3.13t`), searched as `*\/bin`. Default: `/opt/cpython`. */
  optRoot?: string;
  /** Relative explicit paths are resolved against it. Default: `process.cwd()`. */
  cwd?: string;
  /** Per-interpreter probe timeout. Default: 10 000 ms. */
  probeTimeoutMs?: number;
}

/** python, python3, python3.13, python3.13t; not python3-config, python3.13-gdb.py or idle3. */
const PYTHON_NAME = /^python(\d+(\.\d+)?t?)?$/;
/** Interpreters probed at once: enough to hide start-up latency, few enough for a 2-core machine. */
const PROBE_CONCURRENCY = 4;

interface Candidate {
  file: string;
  source: DiscoverySource;
}

/** The names in `dir`; none when it cannot be read (a place that does not exist holds no Python). */
const namesIn = (dir: string): Promise<string[]> => readdir(dir).catch(() => []);

async function listPythons(dir: string, source: DiscoverySource): Promise<Candidate[]> {
  return (await namesIn(dir)).filter((n) => PYTHON_NAME.test(n)).map((n) => ({ file: path.join(dir, n), source }));
}

/** `root/*\/bin`, hidden directories left out: work in progress (poolscope's `.staging`, uv's `.temp`), never an install. */
async function subdirBins(root: string, source: DiscoverySource): Promise<Candidate[]> {
  const names = (await namesIn(root)).filter((n) => !n.startsWith('.'));
  const lists = await Promise.all(names.sort().map((n) => listPythons(path.join(root, n, 'bin'), source)));
  return lists.flat();
}

async function isDirectory(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Every place the issue names, in order of preference. */
async function candidates(options: DiscoverOptions): Promise<Candidate[]> {
  const env = options.env ?? process.env;
  const home = env.HOME || homedir();
  const cwd = options.cwd ?? process.cwd();
  const found: Candidate[] = (options.explicit ?? []).map((file) => ({ file: path.resolve(cwd, file), source: 'explicit' }));
  if (options.search === false) return found;
  for (const entry of (env.POOLSCOPE_PYTHONS ?? '').split(path.delimiter).filter(Boolean)) {
    const where = path.resolve(cwd, entry);
    if (await isDirectory(where)) found.push(...(await listPythons(where, 'POOLSCOPE_PYTHONS')), ...(await listPythons(path.join(where, 'bin'), 'POOLSCOPE_PYTHONS')));
    else found.push({ file: where, source: 'POOLSCOPE_PYTHONS' });
  }
  found.push(...(await subdirBins(pythonsHome(env), 'managed')));
  found.push(...(await subdirBins(options.optRoot ?? '/opt/cpython', 'opt')));
  const uvDir = env.UV_PYTHON_INSTALL_DIR || path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'uv', 'python');
  found.push(...(await subdirBins(uvDir, 'uv')));
  found.push(...(await subdirBins(path.join(env.PYENV_ROOT || path.join(home, '.pyenv'), 'versions'), 'pyenv')));
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) found.push(...(await listPythons(dir, 'PATH')));
  return found;
}

/** Whether `file` is a pyenv shim (`exec ".../libexec/pyenv" exec "$program"`), judged by its first kilobyte. */
async function isPyenvShim(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return /pyenv"? exec /.test(buffer.subarray(0, bytesRead).toString('latin1'));
  } finally {
    await handle.close();
  }
}

/** A file's identity: device and inode, so hard links are one interpreter; null if it cannot be read. */
async function identity(file: string): Promise<string | null> {
  return stat(file).then(
    (s) => `${s.dev}:${s.ino}`,
    () => null,
  );
}

/** Prefer the most specific name (python3.13t over python3.13 over python3), then the first path. */
function preferName(a: string, b: string): number {
  return path.basename(b).length - path.basename(a).length || (a < b ? -1 : a > b ? 1 : 0);
}

function merge(into: Found, from: Found): void {
  for (const source of from.sources) if (!into.sources.includes(source)) into.sources.push(source);
  for (const alias of [from.path, ...from.aliases]) if (alias !== into.path && !into.aliases.includes(alias)) into.aliases.push(alias);
  into.sources.sort((a, b) => DISCOVERY_SOURCES.indexOf(a) - DISCOVERY_SOURCES.indexOf(b));
  into.aliases.sort();
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function compareVersions(a: PythonFound, b: PythonFound): number {
  for (let i = 0; i < 3; i++) {
    const d = (b.version_info[i] as number) - (a.version_info[i] as number);
    if (d !== 0) return d;
  }
  return Number(a.free_threaded_build) - Number(b.free_threaded_build) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * Finds every Python the issue names: explicit paths, POOLSCOPE_PYTHONS entries (files, or directories
 * and their bin/), the builds `poolscope python install` made (`pythonsHome(env)/*\/bin`),
 * `/opt/cpython/*\/bin`, uv's managed Pythons, `$(pyenv root)/versions/*\/bin` and PATH.
 * Each is probed (in parallel, with a timeout; one that times out is probed once more, alone) and
 * listed once: symbolic links are resolved, hard links and launchers that start an interpreter
 * found elsewhere (a pyenv shim) are folded into it as aliases. Interpreters that fail (too old, not Python) are listed
 * with the reason. Usable ones come first, newest version first; then the failures, by path; then
 * the pyenv shims that run no installed Python (status `shim`), by path.
 */
export async function discoverPythons(options: DiscoverOptions = {}): Promise<DiscoveredPython[]> {
  const byRealPath = new Map<string, Found>();
  for (const { file, source } of await candidates(options)) {
    // A missing file or a broken link keeps its own path; the probe then says it does not exist.
    const key = await realpath(file).catch(() => file);
    const seen = byRealPath.get(key);
    const entry = { path: key, aliases: file === key ? [] : [file], sources: [source] };
    if (seen) merge(seen, entry);
    else byRealPath.set(key, entry);
  }

  const probe = (found: Found) => probeInterpreter(found.path, { env: options.env as NodeJS.ProcessEnv | undefined, timeoutMs: options.probeTimeoutMs });
  const entries = [...byRealPath.values()];
  const probes = await mapLimited(entries, PROBE_CONCURRENCY, probe);
  // A probe that timed out is asked once more, on its own: on a loaded machine (load average 12)
  // both 3.13t builds once missed the time limit among four probes at once, and a pipeline would
  // have measured without the free-threaded build without a word.
  for (let i = 0; i < entries.length; i++) {
    const first = probes[i]!;
    if (first.status === 'failed' && first.timed_out) probes[i] = await probe(entries[i]!);
  }
  const probed = await Promise.all(entries.map(async (found, i): Promise<DiscoveredPython> => {
    const result = probes[i]!;
    if (result.status === 'ok') {
      const { status: _status, ...info } = result;
      return { ...found, status: 'ok', ...info };
    }
    if (!found.sources.includes('explicit') && (await isPyenvShim(found.path))) return { ...found, status: 'shim', reason: result.reason };
    const failed: PythonUnusable = { ...found, status: 'failed', reason: result.reason };
    if (result.runtime_version) failed.runtime_version = result.runtime_version;
    return failed;
  }));

  // One interpreter reached by several paths (hard links, a shim): fold by the executable it reports.
  const byExecutable = new Map<string, PythonFound[]>();
  const failed: PythonUnusable[] = [];
  const shims: PyenvShim[] = [];
  for (const entry of probed) {
    if (entry.status !== 'ok') {
      if (entry.status === 'shim') shims.push(entry);
      else failed.push(entry);
      continue;
    }
    const key = `${(await identity(entry.executable)) ?? entry.executable}|${entry.version}`;
    byExecutable.set(key, [...(byExecutable.get(key) ?? []), entry]);
  }
  const usable: PythonFound[] = [];
  for (const [key, group] of byExecutable) {
    const own = await Promise.all(group.map(async (e) => `${(await identity(e.path)) ?? e.path}|${e.version}` === key));
    const ranked = group.map((e, i) => ({ e, own: own[i]! })).sort((a, b) => Number(b.own) - Number(a.own) || preferName(a.e.path, b.e.path));
    const [first, ...rest] = ranked.map((r) => r.e);
    for (const other of rest) merge(first!, other);
    usable.push(first!);
  }
  usable.sort(compareVersions);
  const byPath = (a: Found, b: Found) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return [...usable, ...failed.sort(byPath), ...shims.sort(byPath)];
}
