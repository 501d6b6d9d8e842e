import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsErrorReason } from '../../src/fs/fs-error-reason.js';
import { coreMessages } from '../../src/messages.js';

/** The error Node throws for `action`. */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: some syscall`), { code, path });

describe('fsErrorReason', () => {
  it('names the file standing where a directory should be', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-fs-reason-'));
    const file = join(dir, 'results');
    writeFileSync(file, '');
    expect(fsErrorReason(thrown(() => mkdirSync(join(file, 'run', 'raw'), { recursive: true })))).toBe(coreMessages.fileInTheWay(file));
    expect(fsErrorReason(thrown(() => writeFileSync(join(file, 'timings.csv'), '')))).toBe(coreMessages.fileInTheWay(file));
  });

  it('says permission denied, read-only and full disks in words, and keeps any other message', () => {
    expect(fsErrorReason(errno('EACCES', '/x/y'))).toBe(coreMessages.permissionDenied('/x/y'));
    expect(fsErrorReason(errno('EROFS', '/x'))).toBe(coreMessages.readOnly);
    expect(fsErrorReason(errno('ENOSPC', '/x'))).toBe(coreMessages.diskFull);
    expect(fsErrorReason(errno('EIO', '/x'))).toBe('EIO: some syscall');
    expect(fsErrorReason('text')).toBe('text');
  });
});
