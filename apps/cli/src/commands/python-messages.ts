import { DISTRO_SUITES } from '@poolscope/runner';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The texts of `poolscope python` (install, list, remove). */
export const pythonMessages = {
  description: 'install CPython builds where poolscope finds them (3.13 and the free-threaded 3.13t), list and remove them',
  installDescription: 'install CPython builds: 3.13, 3.13t (free-threaded), 3.13.5t, or --pair 3.13 for both builds of one release',
  versionsArgument: 'versions to install: X.Y, X.Yt, X.Y.Z or X.Y.Zt',
  pairOption: 'install the GIL build and the free-threaded build of the same release (--pair 3.13 = 3.13 and 3.13t)',
  sourceOption: 'build from this CPython source tarball (a file, or an http(s) URL) and try nothing else',
  jobsOption: 'parallel compile jobs (default: the available cores)',
  listDescription: 'list the CPython builds poolscope installed, with how and from what',
  removeDescription: 'remove CPython builds poolscope installed: by name (3.13.5t) or version (3.13t)',
  namesArgument: 'builds to remove, as `poolscope python list` names them, or versions',
  json: 'print the list as JSON',
  installHelp: `
Where: $POOLSCOPE_PYTHON_HOME, else $XDG_DATA_HOME/poolscope/pythons, else ~/.local/share/poolscope/pythons,
one prefix per build (3.13.5/, 3.13.5t/) with a manifest beside it (3.13.5t.json) and the build logs
in logs/. \`poolscope targets\` finds them there.

How, the first that works:
  1. uv python install (when uv is on PATH)
  2. pyenv install (when \`pyenv install --list\` has the version; it needs network access)
  3. a build from source: configure (--disable-gil for a t build), make, make install into a staging
     directory, moved into place once the interpreter runs. The source is --source, or on Debian and
     Ubuntu the distribution's source package (apt-get source pythonX.Y, with an apt state of its own:
     the machine's package lists are left alone): ${DISTRO_SUITES.map((s) => `${s.pythons.join(', ')} from ${s.suite}`).join('; ')}.
A build from source took 7 to 11 minutes per build on a busy 2-core machine (most of it compiling).
A build that is already installed is reused; \`poolscope python remove\` it to build again.

Examples:
  poolscope python install --pair 3.13
  poolscope python install 3.13t --source ~/Downloads/Python-3.13.5.tar.xz
  POOLSCOPE_PYTHON_HOME=/opt/pythons poolscope python install 3.13t
`,
  badJobs: (got: string) => `--jobs must be a positive integer, got '${got}'`,
  nothingToInstall: 'name the versions to install (3.13t), or --pair 3.13',
  nothingToInstallHint: 'For example: poolscope python install --pair 3.13',
  nothingToRemove: 'name the builds to remove (3.13.5t), as `poolscope python list` shows them',

  // Progress.
  start: (request: string, log: string) => `installing CPython ${request} (log: ${log})`,
  backendSkipped: (backend: string, reason: string) => `  ${backend}: ${reason}`,
  backendTrying: (backend: string, detail: string | null) => `  ${backend}: trying${detail ? ` ${detail}` : ''}`,
  backendFailed: (backend: string, reason: string) => `  ${backend} failed: ${reason}; trying the next way`,
  stage: (index: number, total: number, stage: string) => `[${index}/${total}] ${stage}`,
  stageProgress: (head: string, bar: string, detail: string | null, elapsed: string, left: string | null) =>
    `${head} ${bar}${detail ? ` ${detail}` : ''}, ${elapsed}${left ? `, about ${left} left` : ''}`,
  stageRunning: (head: string, detail: string | null, elapsed: string) => `${head}${detail ? ` ${detail}` : ''}, ${elapsed}`,
  stageDone: (head: string, took: string) => `${head} done (${took})`,
  installed: (name: string, prefix: string, backend: string, took: string) => `installed CPython ${name} in ${prefix} (${backend}, ${took})`,
  lacks: (modules: readonly { module: string; package: string }[]) =>
    `  it lacks ${modules.map((x) => x.module).join(', ')}: install ${[...new Set(modules.map((x) => x.package))].join(' ')} and build it again for them`,
  logKept: (log: string) => `  log: ${log}`,
  reused: (name: string, prefix: string) => `CPython ${name} is already installed in ${prefix} (\`poolscope python remove ${name}\` to build it again)`,
  removed: (name: string, prefix: string) => `removed CPython ${name} (${prefix})`,

  // List.
  listHeader: ['name', 'version', 'build', 'backend', 'installed', 'took', 'lacks', 'prefix'] as const,
  freeThreaded: 'free-threaded',
  gil: 'GIL',
  none: '-',
  nothingInstalled: (home: string) => `poolscope has installed no CPython in ${home}`,
  summary: (n: number, home: string) => `${plural(n, 'build')} in ${home}`,
} as const;
