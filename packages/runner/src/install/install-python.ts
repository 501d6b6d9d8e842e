import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { probeInterpreter, type ProbeResult } from '../targets/python/probe.js';
import { OS_RELEASE } from './apt-source.js';
import { StepFailure, type BuildContext } from './context.js';
import type { InstallEvent } from './events.js';
import { homeLayout, pythonsHome, type PythonsHomeLayout } from './home.js';
import { listManifests, type InstallManifest } from './manifest.js';
import { installMessages as m } from './messages.js';
import { installWithPyenv, pyenvDefinition } from './pyenv-backend.js';
import { requestLabel, satisfies, type InstallRequest } from './request.js';
import { buildFromSource, fetchSource, type SourceTree } from './source-build.js';
import { installWithUv, uvAvailable } from './uv-backend.js';

/** Options of {@link installPythons}. */
export interface InstallOptions {
  /** Where PATH, HOME, XDG_DATA_HOME and POOLSCOPE_PYTHON_HOME come from; the tools run with it. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A CPython source tarball, a file or an http(s) URL: build from it and try no other backend. Default: none. */
  readonly source?: string | null;
  /** Parallel jobs of make. Default: the available cores. */
  readonly jobs?: number;
  /** Checks an installed interpreter. Default: the discovery probe. */
  readonly probe?: (executable: string) => Promise<ProbeResult>;
  /** Where the machine says which distribution it is. Default: /etc/os-release. */
  readonly osRelease?: string;
  /** Whether apt has a suite's keyring. Default: whether the file exists. */
  readonly hasKeyring?: (file: string) => boolean;
  readonly now?: () => number;
  /** Stops the tools running and fails the install with E_INTERRUPTED. */
  readonly signal?: AbortSignal;
}

/** The managed directory of `env`'s user. */
export const managedPythons = (env: Readonly<Record<string, string | undefined>> = process.env): PythonsHomeLayout => homeLayout(pythonsHome(env));

/** `20251126-001500`, UTC. */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Whether process `pid` is alive (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the work directories of installs whose process is gone (killed mid-build): discovery
 * never looks there, but a source build leaves a gigabyte or more behind.
 */
async function removeAbandoned(layout: PythonsHomeLayout): Promise<void> {
  for (const name of await readdir(layout.staging).catch(() => [] as string[])) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await rm(path.join(layout.staging, name), { recursive: true, force: true });
  }
}

/** Builds installed before that answer the request: the newest release first. */
async function installedFor(layout: PythonsHomeLayout, request: InstallRequest): Promise<InstallManifest | undefined> {
  const all = (await listManifests(layout)).filter((x) => satisfies(request, x.version, x.free_threaded) && existsSync(x.executable));
  const micro = (x: InstallManifest) => Number(x.version.split('.')[2]);
  return all.sort((a, b) => micro(b) - micro(a))[0];
}

/** A request for a minor version already installed in this call gets the same release: a pair compares two builds of one release. */
function pinned(request: InstallRequest, done: readonly InstallManifest[]): InstallRequest {
  if (request.micro !== null) return request;
  const same = done.find((x) => x.version.startsWith(`${request.major}.${request.minor}.`));
  return same ? { ...request, micro: Number(same.version.split('.')[2]) } : request;
}

/**
 * Installs each CPython build asked for where discovery finds it: in the managed directory
 * ({@link pythonsHome}; pyenv's own versions for a pyenv install). A build already installed is
 * reused. Otherwise the first backend that works: `uv python install`, then pyenv (when its
 * definitions have the version), then a build from source (`--disable-gil` for a t build) from
 * `options.source` or, on Debian and Ubuntu, the distribution's source package. With
 * `options.source` only the source build is tried. Each install writes a log
 * (`logs/3.13t-<time>.log`), and a manifest beside the prefix. The source build stages in a
 * directory discovery does not look at and moves the result into place only once `make install`
 * and a probe of the interpreter succeeded; work directories of installs killed before are removed.
 *
 * Throws E_FAILED naming the stage that failed and the log (E_NOT_FOUND for a --source file that
 * does not exist), or when no backend worked; E_INTERRUPTED when `signal` stops it.
 */
export async function installPythons(requests: readonly InstallRequest[], options: InstallOptions, emit: (event: InstallEvent) => void): Promise<InstallManifest[]> {
  const env = { ...(options.env ?? process.env) } as NodeJS.ProcessEnv;
  const layout = managedPythons(env);
  const now = options.now ?? Date.now;
  const session = path.join(layout.staging, `${process.pid}-${stamp(now())}`);
  const trees = new Map<string, SourceTree>();
  const done: InstallManifest[] = [];
  await removeAbandoned(layout);
  try {
    for (const asked of requests) {
      const request = pinned(asked, done);
      const label = requestLabel(request);
      const reused = await installedFor(layout, request);
      if (reused) {
        emit({ type: 'reused', request: label, manifest: reused });
        done.push(reused);
        continue;
      }
      const manifest = await installOne(request, { ...options, env }, layout, session, trees, emit);
      emit({ type: 'installed', manifest });
      done.push(manifest);
    }
    return done;
  } finally {
    await rm(session, { recursive: true, force: true });
  }
}

async function installOne(
  request: InstallRequest,
  options: InstallOptions & { env: NodeJS.ProcessEnv },
  layout: PythonsHomeLayout,
  session: string,
  trees: Map<string, SourceTree>,
  emit: (event: InstallEvent) => void,
): Promise<InstallManifest> {
  const now = options.now ?? Date.now;
  const started = now();
  const label = requestLabel(request);
  await mkdir(layout.logs, { recursive: true });
  const logFile = path.join(layout.logs, `${label}-${stamp(started)}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const work = path.join(session, label);
  await mkdir(work, { recursive: true });
  emit({ type: 'start', request: label, log: logFile });
  const ctx: BuildContext = {
    request,
    layout,
    env: options.env,
    log,
    logFile,
    work,
    jobs: options.jobs ?? availableParallelism(),
    emit,
    probe: options.probe ?? ((file) => probeInterpreter(file, { env: options.env })),
    now,
    signal: options.signal,
    distro: { osRelease: options.osRelease ?? OS_RELEASE, hasKeyring: options.hasKeyring ?? existsSync },
  };
  const backend = (name: 'uv' | 'pyenv' | 'source', status: 'trying' | 'skipped' | 'failed', reason: string | null = null) => {
    log.write(`# ${name}: ${status}${reason ? `: ${reason}` : ''}\n`);
    emit({ type: 'backend', backend: name, status, reason });
  };
  const reasons: string[] = [];
  /** Runs a backend unless it is unavailable; its failure is reported and the next one tried. */
  const attempt = async (name: 'uv' | 'pyenv', plan: { skipped: string } | { detail: string | null; run: () => Promise<InstallManifest> }) => {
    if ('skipped' in plan) {
      backend(name, 'skipped', plan.skipped);
      reasons.push(`${name}: ${plan.skipped}`);
      return null;
    }
    backend(name, 'trying', plan.detail);
    try {
      return await plan.run();
    } catch (error) {
      if (!(error instanceof StepFailure) || options.signal?.aborted) throw error;
      backend(name, 'failed', error.reason);
      reasons.push(`${name}: ${error.reason}`);
      return null;
    }
  };
  try {
    if (!options.source) {
      const noUv = await uvAvailable(ctx);
      const viaUv = await attempt('uv', noUv ? { skipped: noUv } : { detail: null, run: () => installWithUv(ctx, started) });
      if (viaUv) return viaUv;
      const pyenv = await pyenvDefinition(ctx);
      const viaPyenv = await attempt('pyenv', 'skipped' in pyenv ? pyenv : { detail: pyenv.definition, run: () => installWithPyenv(ctx, pyenv.definition, started) });
      if (viaPyenv) return viaPyenv;
    }
    backend('source', 'trying', options.source ?? null);
    const key = `${request.major}.${request.minor}`;
    let tree = trees.get(key);
    if (tree && request.micro !== null && !tree.version.endsWith(`.${request.micro}`)) tree = undefined;
    let fetchSeconds = 0;
    if (!tree) {
      const fetchStarted = now();
      try {
        tree = await fetchSource(ctx, path.join(session, `source-${key}`), options.source ?? null);
      } catch (error) {
        // Without --source, a distribution that has no source to fetch means no backend worked.
        if (error instanceof StepFailure && !options.source && !options.signal?.aborted) {
          reasons.push(`source build: ${error.reason}`);
          throw new PoolscopeError(ERROR_CODES.FAILED, m.noBackend(label, reasons, logFile), { hint: m.noBackendHint(label) });
        }
        throw error;
      }
      fetchSeconds = (now() - fetchStarted) / 1000;
      trees.set(key, tree);
    } else log.write(`# source: ${tree.origin}, unpacked before for another build\n`);
    return await buildFromSource(ctx, tree, fetchSeconds, started);
  } catch (error) {
    if (options.signal?.aborted) throw new PoolscopeError(ERROR_CODES.INTERRUPTED, m.interrupted(label, logFile), { cause: error });
    if (error instanceof StepFailure) {
      log.write(`# failed at ${error.stage}: ${error.reason}\n`);
      throw new PoolscopeError(error.badInput ? ERROR_CODES.NOT_FOUND : ERROR_CODES.FAILED, m.failedAt(label, error.stage, error.reason, logFile), {
        hint: m.failedHint(logFile),
      });
    }
    throw error;
  } finally {
    await new Promise((resolve) => log.end(resolve));
    await rm(work, { recursive: true, force: true });
  }
}
