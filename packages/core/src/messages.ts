/**
 * Every user-facing text of @poolscope/core, in one place, so tests assert against this
 * catalogue instead of copied strings.
 */
const quoteList = (names: readonly string[]) => names.map((c) => `'${c}'`).join(', ');
const plural = (n: number, word: string) => `${word}${n === 1 ? '' : 's'}`;

export const coreMessages = {
  /** "--threads must be a list of positive integers, got '0,2'" */
  badOption: (where: string, expected: string, got: string) => `${where} must be ${expected}, got '${got}'`,
  /** What each kind of option value must be, as `badOption` says it. */
  expectedValue: {
    positiveInt: 'a positive integer',
    nonNegativeInt: 'a non-negative integer',
    seed: 'an integer from 0 to 4294967295',
    seconds: 'a positive number of seconds',
    fraction: 'a number between 0 and 1',
    positiveIntList: 'a list of positive integers',
    positiveNumberList: 'a comma-separated list of positive numbers',
    nameList: 'a list of names',
    boolean: 'true or false',
    oneOf: (choices: readonly string[]) => `one of ${choices.join(', ')}`,
  },
  /** "expected a positive integer, got 'abc'" */
  expectedGot: (expected: string, got: string) => `expected ${expected}, got '${got}'`,
  /** "data.csv:7: column 'x': expected ..." */
  cellProblem: (where: string, column: string, problem: string) => `${where}: column '${column}': ${problem}`,
  fieldCount: (where: string, got: number, expected: number) =>
    `${where}: row has ${got} ${plural(got, 'field')}, the header has ${expected}`,
  fieldCountHint:
    'A row cut short is often the last line of a run that was killed: rerun it with --resume to repair the file.',
  csvSyntax: (where: string, reason: string) => `${where}: not valid CSV: ${reason}`,
  emptyFile: (file: string) => `${file}: the file is empty (no header line)`,
  missingColumns: (file: string, missing: readonly string[]) =>
    `${file}:1: missing ${plural(missing.length, 'column')} ${quoteList(missing)}`,
  duplicateColumns: (file: string, duplicated: readonly string[]) =>
    `${file}:1: duplicated ${plural(duplicated.length, 'column')} ${quoteList(duplicated)}`,
  duplicateColumnsHint: 'Each column may appear once in the header: rename or remove the repeated one.',
  lineTooLong: (where: string, limit: string) => `${where}: a line longer than ${limit} without a line break: this is not a CSV file poolscope can read`,
  lineTooLongHint: 'Check that this is the file you meant (a CSV with one record per line), not a binary or truncated file.',
  delimiterHint: (delimiter: string) =>
    `The header looks separated by '${delimiter}': poolscope reads comma-separated files; export the file again as CSV.`,
  columnsHint: (schema: string, columns: readonly string[]) => `A ${schema} file needs the columns: ${columns.join(', ')}.`,
  badDataHint: 'Fix the rows named above (or regenerate the file); each line number counts from the header, line 1.',
  moreProblems: (shown: number) => `(stopped after the first ${shown} problems)`,
  fileNotFound: (file: string) => `${file}: no such file`,
  fileNotFoundHint: 'Check the path; poolscope writes raw data to DIR/raw/ (see `poolscope run --help`).',
  notAFile: (file: string) => `${file}: is a directory, not a file`,
  cannotRead: (file: string, reason: string) => `${file}: cannot read: ${reason}`,
  cannotWrite: (file: string, reason: string) => `${file}: cannot write: ${reason}`,
  fileInTheWay: (file: string) => `'${file}' is a file, not a directory`,
  permissionDenied: (path: string) => `permission denied${path ? ` on '${path}'` : ''}`,
  readOnly: 'the file system is read-only',
  diskFull: 'no space left on the disk',
  cannotWriteHint: 'Choose an output location you can write to.',
  headerMismatch: (file: string, schema: string) =>
    `${file}:1: the header does not match the ${schema} schema, so rows cannot be appended to it`,
  headerMismatchHint: 'Write to a new output directory, or move the old file away.',
  invalidRecord: (schema: string, problems: string) => `refusing to write an invalid ${schema} row: ${problems}`,
  hostInfoInvalid: (file: string, problems: string) => `${file}: not a valid host.json: ${problems}`,
  hostInfoHint: 'host.json is written by `poolscope run`; regenerate it, or restore it from the run directory.',
} as const;
