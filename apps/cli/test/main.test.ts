import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliMessages } from '../src/messages.js';
import { runCli } from './helpers.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('poolscope (in-process)', () => {
  it('explains itself with --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: poolscope [options] [command]');
    expect(result.stdout).toContain(cliMessages.description.split('\n')[0]);
    expect(result.stdout).toMatch(/^\s+pipeline\s/m);
    expect(result.stderr).toBe('');
  });

  it('explains a command with `help COMMAND` and `COMMAND --help`', async () => {
    for (const argv of [['help', 'pipeline'], ['pipeline', '--help']]) {
      const result = await runCli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: poolscope pipeline');
    }
  });

  it('prints its version with --version and exits 0', async () => {
    const result = await runCli(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 2 on an unknown command or option, saying what was wrong', async () => {
    const command = await runCli(['pipelne']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("poolscope: error: unknown command 'pipelne'");
    expect(command.stderr).toContain('(Did you mean pipeline?)');
    const option = await runCli(['--threads', '0']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--threads'");
    expect(option.stderr).toContain(cliMessages.helpAfterError);
    expect(option.stdout).toBe('');
  });

  it('exits 2 when no command is given, with the usage on stderr', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: poolscope');
  });
});
