import { describe, expect, it } from 'vitest';
import { RUN_OPTIONS, runOptionName } from '@poolscope/runner';
import type { CliIO } from '../../src/io.js';
import { pipelineCommand } from '../../src/commands/pipeline.js';
import { runCliMessages } from '../../src/commands/run-messages.js';
import { runRequestOf } from '../../src/commands/run-options.js';
import { runCommand } from '../../src/commands/run.js';
import { pipelineMessages } from '../../src/pipeline/messages.js';

const io: CliIO = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: process.cwd() };
const descriptions = (options: readonly { long?: string | undefined; description: string }[]) => new Map(options.map((o) => [o.long, o.description]));

describe('the run options on the command line', () => {
  it('are every option of the runner, each help naming the default from the table', () => {
    const run = descriptions(runCommand(io).options);
    for (const option of RUN_OPTIONS) expect(run.has(runOptionName(option))).toBe(true);
    expect(run.get('--threads')).toBe(runCliMessages.optionHelp('thread counts per cell', '1,2,4,8', undefined));
    expect(run.get('--task-us')).toMatch(/\(default: cpu=200,io=1000\)$/);
    expect(run.get('--shard')).toMatch(/\(default: from the environment, see below\)$/);
    expect(run.get('--task-work')).not.toContain('default');
  });

  it('are the pipeline options too but --profile, with the defaults the profile sets', () => {
    const pipeline = descriptions(pipelineCommand(io).options);
    expect(pipeline.get('--threads')).toMatch(new RegExp(`\\(default: ${pipelineMessages.fromProfile}\\)$`));
    expect(pipeline.get('--seed')).toMatch(/\(default: 1\)$/);
    expect(pipeline.get('--run-id')).toBe(runCliMessages.optionHelp(pipelineMessages.runIdOption, pipelineMessages.runIdDefault, undefined));
    expect(pipeline.get('--shard')).toMatch(/see `poolscope run --help`\)$/);
    expect(pipeline.get('--profile')).toBe(pipelineMessages.profileOption);
  });

  it('are read into a request over the config file, as commander hands them over', () => {
    expect(runRequestOf({ threads: '2,1', taskTypes: 'io', out: 'x' }, { repeats: 3, threads: [8] }, process.cwd())).toEqual({ repeats: 3, threads: [1, 2], taskTypes: ['io'] });
  });
});
