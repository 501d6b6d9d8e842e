import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/index.js';

describe('writeFileAtomic', () => {
  it('replaces a file whole, creating its directory, and leaves no temporary behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-atomic-'));
    const file = join(dir, 'analysis', 'summary.json');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'analysis'))).toEqual(['summary.json']);
  });

  it('fails as an output error where it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-atomic-'));
    writeFileSync(join(dir, 'blocker'), '');
    expect(() => writeFileAtomic(join(dir, 'blocker', 'x.json'), '{}')).toThrow(expect.objectContaining({ code: 'E_OUTPUT', exitCode: 2 }));
  });
});
