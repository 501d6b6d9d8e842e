import { access, readdir, rename, rm } from 'node:fs/promises';
import type { WriteStream } from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import type { ProbeResult } from '../targets/python/probe.js';
import type { InstallEvent } from './events.js';
import type { InstallBackend, InstallStage } from './stages.js';
import type { PythonsHomeLayout } from './home.js';
import { writeManifest, type InstallManifest } from './manifest.js';
import { installMessages as m } from './messages.js';
import { importCheckScript, OPTIONAL_MODULES } from './missing-modules.js';
import { buildName, requestLabel, satisfies, type InstallRequest } from './request.js';
import { timeLeftMs } from './compile-progress.js';

/** What every backend works with while installing one request. */
export interface BuildContext {
  readonly request: InstallRequest;
  readonly layout: PythonsHomeLayout;
  readonly env: NodeJS.ProcessEnv;
  /** The build log, and its path. */
  readonly log: WriteStream;
  readonly logFile: string;
  /** A directory of this install's own under the staging directory, removed when it ends. */
  readonly work: string;
  /** Parallel jobs for make. */
  readonly jobs: number;
  readonly emit: (event: InstallEvent) => void;
  readonly probe: (executable: string) => Promise<ProbeResult>;
  readonly now: () => number;
  readonly signal?: AbortSignal;
  /** Where the machine says which distribution it is, and whether apt has a suite's keyring. */
  readonly distro: { readonly osRelease: string; readonly hasKeyring: (file: string) => boolean };
}

/** A step of a backend that failed: which stage, and why, in a few words. */
export class StepFailure extends Error {
  constructor(
    readonly stage: InstallStage,
    readonly reason: string,
    /** True when the user's input is at fault (a --source that does not exist). */
    readonly badInput = false,
  ) {
    super(reason);
  }
}

/** Times a stage and reports it: `update(fraction, detail)` as it goes, `done()` at its end. */
export function startStage(ctx: BuildContext, stage: InstallStage): { update(fraction: number | null, detail?: string | null): void; done(): number } {
  const started = ctx.now();
  ctx.log.write(`\n### ${stage}\n`);
  const update = (fraction: number | null, detail: string | null = null) => {
    const elapsed = ctx.now() - started;
    ctx.emit({ type: 'stage', stage, fraction, eta_ms: timeLeftMs(elapsed, fraction), elapsed_ms: elapsed, detail });
  };
  update(null);
  return {
    update,
    done() {
      const seconds = (ctx.now() - started) / 1000;
      ctx.emit({ type: 'stage-done', stage, seconds });
      return seconds;
    },
  };
}

/** A command's failure as a reason: the command, how it ended, its last line of output. */
export function commandReason(command: string, result: { how: string; tail: readonly string[] }): string {
  const last = result.tail.map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
  return m.commandFailed(command, result.how, last);
}

/** `bin/python3.13t` (or `python3.13`) under a prefix, where it is. */
export async function findExecutable(prefix: string, request: InstallRequest): Promise<string> {
  const name = `python${request.major}.${request.minor}${request.freeThreaded ? 't' : ''}`;
  const file = path.join(prefix, 'bin', name);
  return access(file).then(
    () => file,
    () => {
      throw new StepFailure('install', m.noInterpreterIn(prefix));
    },
  );
}

/** The optional modules `executable` cannot import, with the package that has their headers. */
function missingModules(executable: string, env: NodeJS.ProcessEnv): Promise<{ module: string; package: string }[]> {
  return new Promise((resolve) => {
    execFile(executable, ['-c', importCheckScript(OPTIONAL_MODULES.map((o) => o.module))], { env, timeout: 60_000 }, (error, stdout) => {
      if (error) return resolve([]);
      try {
        const missing = JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as string[];
        resolve(OPTIONAL_MODULES.filter((o) => missing.includes(o.module)).map((o) => ({ ...o })));
      } catch {
        resolve([]);
      }
    });
  });
}

/** What a finished install is, before it has a manifest. */
export interface Built {
  readonly backend: InstallBackend;
  readonly source: string;
  readonly configureFlags: readonly string[];
  /** Seconds per stage, asked for when the last stage ends (just before the manifest is written). */
  readonly stages: () => Partial<Record<InstallStage, number>>;
  readonly started: number;
}

/** Where a backend left the install: in a staging directory, to be moved into place, or already in place (pyenv). */
export type InstalledAt = { readonly staged: string } | { readonly inPlace: string };

/**
 * The last step of every backend: probes the installed interpreter (it must run and be the build
 * asked for), lists the optional modules it lacks, moves a staged prefix into place
 * (`ROOT/3.13.5t`) and writes the manifest beside it. Until the move, nothing of it is where
 * discovery looks.
 */
export async function finishInstall(ctx: BuildContext, built: Built, at: InstalledAt): Promise<InstallManifest> {
  const here = 'staged' in at ? at.staged : at.inPlace;
  const executable = await findExecutable(here, ctx.request);
  const probed = await ctx.probe(executable);
  if (probed.status !== 'ok') throw new StepFailure('install', m.probeFailed(executable, probed.reason));
  if (!satisfies(ctx.request, probed.runtime_version, probed.free_threaded_build))
    throw new StepFailure('install', m.wrongBuild(executable, m.describeBuild(probed.runtime_version, probed.free_threaded_build)));
  const missing = await missingModules(executable, ctx.env);
  const name = buildName(probed.runtime_version, probed.free_threaded_build);
  const prefix = 'staged' in at ? ctx.layout.prefix(name) : at.inPlace;
  if ('staged' in at) {
    // A prefix left without a manifest (a run killed between the move and the manifest) is replaced.
    await rm(prefix, { recursive: true, force: true });
    await rename(at.staged, prefix);
  }
  const manifest: InstallManifest = {
    schema_version: 1,
    name,
    request: requestLabel(ctx.request),
    version: probed.runtime_version,
    free_threaded: probed.free_threaded_build,
    backend: built.backend,
    source: built.source,
    prefix,
    executable: path.join(prefix, path.relative(here, executable)),
    log: ctx.logFile,
    configure_flags: [...built.configureFlags],
    installed_at: new Date(built.started).toISOString(),
    duration_s: (ctx.now() - built.started) / 1000,
    stages_s: built.stages(),
    missing_modules: missing,
  };
  writeManifest(ctx.layout, manifest);
  return manifest;
}

/** The one directory a tool made in `dir` whose name starts with `prefix`, or null. */
export async function onlyDirectory(dir: string, prefix: string): Promise<string | null> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(prefix));
  return names.length === 1 ? path.join(dir, names[0]!) : null;
}
