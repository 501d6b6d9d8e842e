/**
 * Every user-facing text of the Python target and the profilers, in one place, so tests assert
 * against this catalogue instead of copied strings.
 */
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

export const pythonMessages = {
  // --- starting an interpreter -------------------------------------------------------------------
  interpreterMissing: (path: string) => `python interpreter '${path}' does not exist`,
  interpreterIsDirectory: (path: string) => `python interpreter '${path}' is a directory, not an executable`,
  interpreterNotExecutable: (path: string) => `python interpreter '${path}' is not executable`,
  interpreterTooOld: (path: string, version: string) =>
    `python interpreter '${path}' is Python ${version}; the poolscope harness needs Python 3.8 or newer`,
  notPython: (path: string, detail: string) => `'${path}' did not run as a Python interpreter: ${detail}`,
  noHello: (path: string, detail: string) => `'${path}' started, but the poolscope harness in it did not say hello: ${detail}`,
  startTimeout: (path: string, ms: number) => `'${path}' did not start the poolscope harness within ${seconds(ms)}`,
  interpreterChanged: (path: string, before: string, after: string) =>
    `'${path}' was Python ${before} when the run started and is Python ${after} now`,
  interpreterHint:
    'Name a Python 3.8+ executable (python:/path/to/python3.13t), or run `poolscope targets` to see the interpreters poolscope found.',

  // --- a cell that fails (data, not a crash) -------------------------------------------------------
  cellTimeout: (ms: number, pid: number) => `the cell did not finish within ${seconds(ms)}; the Python harness (pid ${pid}) was killed`,
  harnessDied: (how: string) => `the Python harness exited (${how}) during the cell`,
  harnessExit: (code: number | null, signal: string | null) => (signal ? `killed by ${signal}` : `exit code ${String(code)}`),
  protocolBroken: (line: string) => `the Python harness answered something that is not a poolscope response: ${line.slice(0, 200)}`,
  stderrTail: (tail: string) => `; its last output: ${tail}`,

  // --- misuse --------------------------------------------------------------------------------------
  badCellValue: (field: string, value: unknown) => `${field} must be a positive integer, got ${JSON.stringify(value)}`,
  badTaskType: (value: unknown) => `task_type must be 'cpu' or 'io', got ${JSON.stringify(value)}`,
  badPositive: (field: string, value: unknown) => `${field} must be a positive number, got ${JSON.stringify(value)}`,
  harnessClosed: (path: string) => `the Python harness for '${path}' was closed; start a new one`,
  cprofileRefused: (path: string) =>
    `cProfile is not used on '${path}', a free-threaded build: with several threads it hung in our trials on 3.13t ` +
    '(500 tasks, 2 threads)',
  cprofileRefusedHint: 'Use the call-stack sampler (the default profiler), which works on free-threaded builds.',
  harnessRequestFailed: (op: string, error: string) => `the Python harness could not ${op}: ${error}`,

  // --- discovery and target names ------------------------------------------------------------------
  probeTimeout: (ms: number) => `did not answer within ${seconds(ms)}`,
  probeFailed: (how: string, tail: string) => (tail ? `${how}: ${tail}` : how),
  probeGarbled: (output: string) => `printed something that is not an interpreter description: ${output.slice(0, 200)}`,
  probeNotRunnable: (reason: string) => `cannot be run: ${reason}`,
  tooOldForHarness: (version: string) => `Python ${version} is too old for the poolscope harness (it needs 3.8 or newer)`,
  noSuchInterpreter: (name: string, found: readonly string[]) =>
    `no interpreter found for target '${name}'` + (found.length ? `; usable ones: ${found.join(', ')}` : '; poolscope found no usable Python'),
  noSuchInterpreterHint:
    'Install it, add its directory to POOLSCOPE_PYTHONS, or name the executable itself: python:/path/to/python3.13t.',
  explicitUnusable: (path: string, reason: string) => `python interpreter '${path}' is not usable: ${reason}`,
  notPythonTarget: (name: string) =>
    `'${name}' is not a Python target name; use pythonX.Y (GIL build), pythonX.Yt (free-threaded build) or python:PATH`,

  // --- profiles ------------------------------------------------------------------------------------
  badCpuProfile: (where: string, problem: string) => `${where}: not a V8 CPU profile (.cpuprofile): ${problem}`,
  badCpuProfileHint: 'A .cpuprofile is the JSON that `node --cpu-prof` writes; regenerate it.',
  badCategoryRules: (where: string, problem: string) => `${where}: invalid category rules: ${problem}`,
  badCategoryRulesHint:
    'Each rule is {"category": "task|result|lock|dispatch|idle|other", "names": ["function", ...], "file": "optional part of the file"}.',
} as const;
