import path from 'node:path';
import { commandReason, finishInstall, startStage, StepFailure, type BuildContext } from './context.js';
import type { InstallManifest } from './manifest.js';
import { installMessages as m } from './messages.js';
import { requestLabel, satisfies } from './request.js';
import { runLogged } from './run-logged.js';

/** A pyenv definition name (`3.13.5t`) as version and build; null for others (`3.13t-dev`, `pypy3.10-7.3.17`). */
function definitionVersion(name: string): { version: string; freeThreaded: boolean } | null {
  const match = /^(\d+\.\d+\.\d+)(t?)$/.exec(name);
  return match ? { version: match[1]!, freeThreaded: match[2] === 't' } : null;
}

const byVersion = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.replace(/t$/, '').split('.').map(Number));
  return x![0]! - y![0]! || x![1]! - y![1]! || x![2]! - y![2]!;
};

/**
 * The pyenv definition to build for the request (the newest that matches), or why there is none:
 * pyenv is not on PATH, or `pyenv install --list` has no such version.
 */
export async function pyenvDefinition(ctx: BuildContext): Promise<{ definition: string } | { skipped: string }> {
  const lines: string[] = [];
  const listed = await runLogged('pyenv', ['install', '--list'], { cwd: ctx.work, env: ctx.env, log: ctx.log, logOutput: false, onLine: (l) => lines.push(l.trim()) });
  if (listed.how === 'not found') return { skipped: m.notOnPath('pyenv') };
  if (!listed.ok) return { skipped: commandReason('pyenv install --list', listed) };
  const matching = lines.filter((name) => {
    const parsed = definitionVersion(name);
    return parsed !== null && satisfies(ctx.request, parsed.version, parsed.freeThreaded);
  });
  if (matching.length === 0) {
    const sameMinor = lines.filter((n) => definitionVersion(n) !== null && n.startsWith(`${ctx.request.major}.${ctx.request.minor}.`)).sort(byVersion);
    return { skipped: m.noDefinition(requestLabel(ctx.request), sameMinor) };
  }
  return { definition: matching.sort(byVersion).at(-1)! };
}

/**
 * `pyenv install --skip-existing DEFINITION`: pyenv builds into `$(pyenv root)/versions/DEFINITION`
 * (its python-build has no staging of its own, and pyenv removes the prefix of a failed build), where
 * discovery finds it; poolscope writes the manifest. python-build downloads the source, so without
 * network access it fails and the next backend is tried.
 */
export async function installWithPyenv(ctx: BuildContext, definition: string, started: number): Promise<InstallManifest> {
  const stage = startStage(ctx, 'install');
  const options = { cwd: ctx.work, env: ctx.env, log: ctx.log, signal: ctx.signal };
  const result = await runLogged('pyenv', ['install', '--skip-existing', definition], options);
  if (!result.ok) throw new StepFailure('install', commandReason(`pyenv install ${definition}`, result));
  const root: string[] = [];
  const rooted = await runLogged('pyenv', ['root'], { ...options, onLine: (l) => root.push(l.trim()) });
  if (!rooted.ok || !root[0]) throw new StepFailure('install', commandReason('pyenv root', rooted));
  const prefix = path.join(root[0], 'versions', definition);
  return finishInstall(ctx, { backend: 'pyenv', source: `pyenv install ${definition}`, configureFlags: [], stages: () => ({ install: stage.done() }), started }, { inPlace: prefix });
}
