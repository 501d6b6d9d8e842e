import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const run = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the poolscope binary (end to end)', () => {
  it('runs --help and exits 0', () => {
    const child = run('--help');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('Usage: poolscope');
  });

  it('exits 2 on bad usage and on a missing input, without a stack trace', () => {
    const usage = run('--no-such-option');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("unknown option '--no-such-option'");
    const missing = run('report', '/no/such/run-directory');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^poolscope: error: /);
    expect(missing.stderr).not.toContain('    at ');
  });
});
