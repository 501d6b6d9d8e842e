/** The texts of `poolscope targets`. */
export const targetsMessages = {
  description: 'list the runtimes poolscope can measure: Node, and every Python interpreter it finds',
  help:
    '\nPython interpreters are looked for on PATH, under $(pyenv root)/versions/*/bin, in uv\'s managed Pythons,\n' +
    'under /opt/cpython/*/bin, in the directories listed in POOLSCOPE_PYTHONS, and as named (python:PATH).\n' +
    'Name them in --targets as python3.13 (GIL build), python3.13t (free-threaded build) or python:PATH.\n',
  argument: 'more interpreters to check, as python:PATH',
  json: 'print the list as JSON',
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
