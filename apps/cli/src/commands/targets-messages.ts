/** The texts of `poolscope targets`. */
export const targetsMessages = {
  description: 'list the runtimes poolscope can measure: Node, and every Python interpreter it finds',
  help:
    '\nPython interpreters are looked for on PATH, under $(pyenv root)/versions/*/bin, in uv\'s managed Pythons,\n' +
    'under /opt/cpython/*/bin, in the directories listed in POOLSCOPE_PYTHONS, in the builds `poolscope python install`\n' +
    'made, and as named (python:PATH). A pyenv shim that runs no Python (pyenv selects no installed version that\n' +
    'has the command) is not an interpreter: it is counted, and listed with --all.\n' +
    'Name them in --targets as python3.13 (GIL build), python3.13t (free-threaded build) or python:PATH.\n',
  argument: 'more interpreters to check, as python:PATH',
  json: 'print the list as JSON',
  all: 'also list the pyenv shims that run no Python (left out and counted by default)',
  shimsCounted: (n: number) =>
    `${n} pyenv ${n === 1 ? 'shim' : 'shims'} without an installed version selected, \`poolscope targets --all\` to list ${n === 1 ? 'it' : 'them'}`,
  notAnInterpreter: (arg: string) => `'${arg}' is not an interpreter to check: give it as python:PATH`,
  notAnInterpreterHint: 'For example: poolscope targets python:/opt/cpython/3.13t/bin/python3.13t',
  header: ['target', 'status', 'version', 'free-threaded', 'gil', 'found in', 'path'] as const,
  byPath: 'python:PATH',
  legend: 'python:PATH: an interpreter that no version name chooses; name it by its path.',
  nodeSource: 'node',
  yes: 'yes',
  no: 'no',
  on: 'on',
  off: 'off',
  unknown: '?',
  none: '-',
} as const;
