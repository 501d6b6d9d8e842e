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
  internal: (message: string) => `poolscope: internal error: ${message}`,
  internalHint: 'This is a bug in poolscope. Run the command again with --debug to see where it happened, and report it.',
} as const;
