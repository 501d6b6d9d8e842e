import { Command } from 'commander';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { cliMessages } from '../messages.js';

/** `poolscope pipeline`: run -> analyze -> plot -> report. */
export function pipelineCommand(): Command {
  return new Command('pipeline')
    .description('run the whole job: measure, analyse, draw the figures and write the report')
    .action(() => {
      throw new PoolscopeError(ERROR_CODES.NOT_IMPLEMENTED, cliMessages.pipelineMissing, { hint: cliMessages.pipelineMissingHint });
    });
}
