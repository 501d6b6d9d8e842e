import { createWriteStream } from 'node:fs';
import { access, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fetchDistroSource } from './apt-source.js';
import { CompileProgress } from './compile-progress.js';
import { commandReason, finishInstall, startStage, StepFailure, type BuildContext } from './context.js';
import type { InstallManifest } from './manifest.js';
import { installMessages as m } from './messages.js';
import { requestLabel } from './request.js';
import { runLogged } from './run-logged.js';

/** A CPython source tree, unpacked, and where it came from. */
export interface SourceTree {
  readonly dir: string;
  /** `3.13.5`, from Include/patchlevel.h. */
  readonly version: string;
  /** The tarball's path or URL, or the apt-get source it came from. */
  readonly origin: string;
}

const isUrl = (text: string) => /^https?:\/\//i.test(text);

/** Downloads `url` to `file` with Node's fetch, reporting the fraction when the size is known. */
async function download(url: string, file: string, progress: (fraction: number | null, detail: string | null) => void, signal?: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new StepFailure('fetch', m.downloadFailed(url, (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message));
  }
  if (!response.ok || !response.body) throw new StepFailure('fetch', m.downloadFailed(url, `HTTP ${response.status} ${response.statusText}`));
  const total = Number(response.headers.get('content-length')) || null;
  let received = 0;
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    progress(total ? received / total : null, `${(received / 2 ** 20).toFixed(1)} MiB`);
  });
  await pipeline(body, createWriteStream(file));
}

/** The directory holding `configure` and `Include/patchlevel.h`: `dir` itself or its one subdirectory. */
async function sourceRoot(dir: string): Promise<string | null> {
  const candidates = [dir, ...(await readdir(dir)).map((n) => path.join(dir, n))];
  for (const candidate of candidates) {
    const ok = await Promise.all([access(path.join(candidate, 'configure')), access(path.join(candidate, 'Include', 'patchlevel.h'))]).then(
      () => true,
      () => false,
    );
    if (ok) return candidate;
  }
  return null;
}

/**
 * The fetch stage: gets the source (`--source` file or URL, else the distribution's source
 * package), unpacks it into `dir` and checks that it is the CPython version asked for.
 */
export async function fetchSource(ctx: BuildContext, dir: string, given: string | null): Promise<SourceTree> {
  const stage = startStage(ctx, 'fetch');
  await mkdir(dir, { recursive: true });
  let tarball: string;
  let origin: string;
  if (given === null) ({ tarball, origin } = await fetchDistroSource(ctx, dir));
  else if (isUrl(given)) {
    tarball = path.join(dir, path.basename(new URL(given).pathname) || 'source.tar');
    ctx.log.write(`downloading ${given}\n`);
    await download(given, tarball, (fraction, detail) => stage.update(fraction, detail), ctx.signal);
    origin = given;
  } else {
    tarball = path.resolve(given);
    const isFile = await stat(tarball).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) throw new StepFailure('fetch', m.sourceMissing(tarball), true);
    origin = tarball;
  }
  const unpacked = path.join(dir, 'src');
  await mkdir(unpacked, { recursive: true });
  const untar = await runLogged('tar', ['-xf', tarball, '-C', unpacked], { cwd: dir, env: ctx.env, log: ctx.log, signal: ctx.signal });
  if (!untar.ok) throw new StepFailure('fetch', commandReason(`tar -xf ${tarball}`, untar));
  const root = await sourceRoot(unpacked);
  if (!root) throw new StepFailure('fetch', m.notCpythonSource(origin));
  const patchlevel = await readFile(path.join(root, 'Include', 'patchlevel.h'), 'utf8');
  const version = /#define\s+PY_VERSION\s+"([^"]+)"/.exec(patchlevel)?.[1];
  if (!version) throw new StepFailure('fetch', m.notCpythonSource(origin));
  const [major, minor, micro] = version.split('.').map((p) => Number.parseInt(p, 10));
  const { request } = ctx;
  if (major !== request.major || minor !== request.minor || (request.micro !== null && micro !== request.micro))
    throw new StepFailure('fetch', m.wrongSourceVersion(origin, version, requestLabel(request)));
  stage.done();
  return { dir: root, version, origin };
}

/** Flags given to configure: the prefix, pip from the bundled wheel (no network needed), and --disable-gil for a t build. */
export function configureFlags(prefix: string, freeThreaded: boolean): string[] {
  return [`--prefix=${prefix}`, '--with-ensurepip=install', ...(freeThreaded ? ['--disable-gil'] : [])];
}

/**
 * Builds and installs a source tree: configure, make, `make install` into a staging root (DESTDIR),
 * then {@link finishInstall} probes it and moves it into place. The prefix configure is given is
 * the final one, so scripts (pip) name where the interpreter ends up.
 */
export async function buildFromSource(ctx: BuildContext, tree: SourceTree, fetchSeconds: number, started: number): Promise<InstallManifest> {
  const name = `${tree.version}${ctx.request.freeThreaded ? 't' : ''}`;
  const prefix = ctx.layout.prefix(name);
  const build = path.join(ctx.work, 'build');
  const destdir = path.join(ctx.work, 'root');
  await mkdir(build, { recursive: true });
  const flags = configureFlags(prefix, ctx.request.freeThreaded);
  const run = (command: string, args: readonly string[], onLine?: (line: string) => void) =>
    runLogged(command, args, { cwd: build, env: ctx.env, log: ctx.log, signal: ctx.signal, onLine });
  const stages: Record<string, number> = { fetch: fetchSeconds };

  const configure = startStage(ctx, 'configure');
  let checks = 0;
  const configured = await run(path.join(tree.dir, 'configure'), flags, (line) => {
    if (line.startsWith('checking ')) configure.update(null, `${++checks} checks`);
  });
  if (!configured.ok) throw new StepFailure('configure', commandReason('configure', configured));
  stages.configure = configure.done();

  const compile = startStage(ctx, 'compile');
  const progress = new CompileProgress(await readFile(path.join(build, 'Makefile'), 'utf8').catch(() => ''));
  const made = await run('make', [`-j${ctx.jobs}`], (line) => {
    if (progress.line(line)) compile.update(progress.fraction, m.stageDetailObjects(progress.compiled, progress.expected));
  });
  ctx.log.write(`# compiled ${progress.compiled} objects; the Makefile names ${progress.expected}\n`);
  if (!made.ok) throw new StepFailure('compile', commandReason('make', made));
  stages.compile = compile.done();

  const install = startStage(ctx, 'install');
  const installed = await run('make', ['install', `DESTDIR=${destdir}`]);
  if (!installed.ok) throw new StepFailure('install', commandReason('make install', installed));
  const staged = path.join(destdir, prefix);
  const stagesWithInstall = () => ({ ...stages, install: install.done() });
  return finishInstall(ctx, { backend: 'source', source: tree.origin, configureFlags: flags, stages: stagesWithInstall, started }, { staged });
}
