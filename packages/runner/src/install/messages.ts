/** Every text of the installer (`poolscope python install`, `list`, `remove`), in one place. */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const installMessages = {
  // Requests.
  badVersion: (got: string) => `'${got}' is not a CPython version to install; give X.Y, X.Yt, X.Y.Z or X.Y.Zt (3.13, 3.13t, 3.13.5t)`,
  badVersionHint: 'The t suffix asks for the free-threaded build (3.13 or newer); --pair 3.13 installs both builds of one release.',
  notPython3: (got: string) => `'${got}' is not a Python 3 version; poolscope installs CPython 3`,
  noFreeThreading: (got: string) => `'${got}': free-threaded builds exist from CPython 3.13 on`,
  pairWithT: (got: string) => `--pair takes a version without t (--pair 3.13 installs 3.13 and 3.13t), got '${got}'`,

  // Backends.
  notOnPath: (tool: string) => `${tool} is not on PATH`,
  noDefinition: (label: string, near: readonly string[]) =>
    `its definitions have no ${label}${near.length ? ` (it has ${near.slice(-4).join(', ')})` : ''}`,
  commandFailed: (command: string, how: string, tail: string) => `\`${command}\` failed (${how})${tail ? `: ${tail}` : ''}`,
  noInterpreterIn: (dir: string) => `no python3.X executable under ${dir}`,
  notDebian: 'not a Debian or Ubuntu machine, so there is no distribution source package to build from',
  noSuite: (minor: string) => `no Debian or Ubuntu release known to poolscope carries python${minor} (see DISTRO_SUITES)`,
  aptFailed: (suite: string, reason: string) => `${suite}: ${reason}`,
  noOrigTarball: (dir: string) => `apt-get source left no upstream tarball (*.orig.tar.*) in ${dir}`,
  sourceMissing: (file: string) => `${file} does not exist`,
  downloadFailed: (url: string, reason: string) => `could not download ${url}: ${reason}`,
  notCpythonSource: (what: string) => `${what} is not a CPython source tree (no configure and Include/patchlevel.h)`,
  wrongSourceVersion: (what: string, version: string, label: string) => `${what} is CPython ${version}, not ${label}`,
  probeFailed: (executable: string, reason: string) => `the installed interpreter ${executable} does not run: ${reason}`,
  wrongBuild: (executable: string, got: string) => `the installed interpreter ${executable} is ${got}, not the build asked for`,

  // Outcome.
  failedAt: (label: string, stage: string, reason: string, log: string) => `installing CPython ${label} failed at ${stage}: ${reason} (log: ${log})`,
  failedHint: (log: string) => `Read the log (${log}); nothing was installed, so \`poolscope targets\` lists what it did before.`,
  noBackend: (label: string, reasons: readonly string[], log: string) =>
    `no way to install CPython ${label} worked: ${reasons.join('; ')} (log: ${log})`,
  noBackendHint: (label: string) =>
    `Give a CPython source tarball, as a file or a URL: poolscope python install ${label} --source Python-X.Y.Z.tar.xz (or install uv, or pyenv with network access).`,
  interrupted: (label: string, log: string) => `installing CPython ${label} was interrupted; nothing was installed (log: ${log})`,
  sourceNeedsOne: 'with --source, name the versions the tarball builds (3.13 and 3.13t, or --pair 3.13)',
  describeBuild: (version: string, freeThreaded: boolean) => `CPython ${version}${freeThreaded ? ', free-threaded build' : ', GIL build'}`,
  aptSource: (pkg: string, suite: string) => `apt-get source ${pkg} (${suite})`,
  stageDetailObjects: (done: number, expected: number) => `${done} of ${plural(expected, 'object')}`,

  // list, remove.
  notInstalled: (name: string, installed: readonly string[]) =>
    `poolscope has not installed ${name}` + (installed.length ? `; it has installed ${installed.join(', ')}` : '; it has installed nothing'),
  notInstalledHint: 'Run `poolscope python list` to see what poolscope installed.',
} as const;
