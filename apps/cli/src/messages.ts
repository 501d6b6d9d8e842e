/**
 * Every text the CLI itself prints, in one place. Commands' own texts live beside them: commands/*-messages.ts,
 * pipeline/messages.ts (`pipeline`, `report`) and report/messages.ts (the report's sentences).
 */
export const cliMessages = {
  description:
    'Measure how thread pools scale, explain why they stop scaling, and draw the figures.\n' +
    'Runs a matrix of task counts x thread counts on Node and Python targets, fits Amdahl and\n' +
    'Universal Scalability Law curves, and writes CSVs, figures and a report.',
  helpAfterError: '(run `poolscope --help` or `poolscope help COMMAND` for usage)',
  errorPrefix: 'poolscope: error: ',
  hintPrefix: 'hint: ',
  /** Before the stack trace of an error's cause, with --debug. */
  causedBy: 'caused by: ',
  internal: (message: string) => `poolscope: internal error: ${message}`,
  internalHint: 'This is a bug in poolscope. Run the command again with --debug to see where it happened, and report it.',
  /**
   * What to do about an error that carries no hint of its own, by its code: every rejection says
   * what to do (issue #9). `command` is the subcommand given, or '' without one.
   */
  fallbackHints: {
    E_USAGE: (command: string) => `Run \`poolscope ${command ? `${command} ` : ''}--help\` for the options and the values each takes.`,
    E_BAD_DATA: () => 'Fix the file at the line named above, or write it again with the poolscope command that made it.',
    E_NOT_FOUND: () => 'Check the path: it is resolved from the current directory.',
    E_SCHEMA_MISMATCH: () => 'Give files of one schema, written by the same version of poolscope.',
    E_OUTPUT: () => 'Choose an output location you can write to.',
    E_RUNTIME: () => 'Run `poolscope targets` to list the runtimes this machine can measure.',
  } as Readonly<Partial<Record<string, (command: string) => string>>>,
} as const;
