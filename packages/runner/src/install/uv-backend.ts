import path from 'node:path';
import { commandReason, finishInstall, onlyDirectory, startStage, StepFailure, type BuildContext } from './context.js';
import type { InstallManifest } from './manifest.js';
import { installMessages as m } from './messages.js';
import { requestLabel } from './request.js';
import { runLogged } from './run-logged.js';

/** Null when uv is not there to try (not on PATH): the next backend is tried without a word of failure. */
export async function uvAvailable(ctx: BuildContext): Promise<string | null> {
  const version = await runLogged('uv', ['--version'], { cwd: ctx.work, env: ctx.env, log: ctx.log });
  return version.how === 'not found' ? m.notOnPath('uv') : null;
}

/**
 * `uv python install --install-dir STAGING 3.13t`: a prebuilt CPython (python-build-standalone,
 * relocatable), which is then moved into the managed directory like a source build.
 */
export async function installWithUv(ctx: BuildContext, started: number): Promise<InstallManifest> {
  const stage = startStage(ctx, 'install');
  const dir = path.join(ctx.work, 'uv');
  const label = requestLabel(ctx.request);
  const result = await runLogged('uv', ['python', 'install', '--install-dir', dir, label], { cwd: ctx.work, env: ctx.env, log: ctx.log, signal: ctx.signal });
  if (!result.ok) throw new StepFailure('install', commandReason(`uv python install ${label}`, result));
  const prefix = await onlyDirectory(dir, 'cpython-');
  if (!prefix) throw new StepFailure('install', m.noInterpreterIn(dir));
  return finishInstall(ctx, { backend: 'uv', source: `uv python install ${label}`, configureFlags: [], stages: () => ({ install: stage.done() }), started }, { staged: prefix });
}
