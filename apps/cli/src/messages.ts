/** Every text the CLI itself prints, in one place (commands' own texts live beside them here too). */
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
  pipelineMissing:
    'poolscope pipeline is not available yet: it chains `poolscope run` (issues #3 and #4), `analyze` (#5), ' +
    '`plot` (#6) and `report` (#7), and none of those commands exists yet in this build.',
  pipelineMissingHint: 'Nothing was measured and nothing was written.',
} as const;
