import { describe, expect, it } from 'vitest';
import { cliMessages } from '../../src/messages.js';
import { runCli } from '../helpers.js';

describe('poolscope pipeline (before its stages exist)', () => {
  it('says what is missing, writes nothing to stdout, and exits 1', async () => {
    const result = await runCli(['pipeline']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${cliMessages.errorPrefix}${cliMessages.pipelineMissing}\n${cliMessages.hintPrefix}${cliMessages.pipelineMissingHint}\n`);
  });

  it('shows a stack trace only with --debug', async () => {
    expect((await runCli(['pipeline'])).stderr).not.toContain('    at ');
    expect((await runCli(['--debug', 'pipeline'])).stderr).toContain('    at ');
  });
});
