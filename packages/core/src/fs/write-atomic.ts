import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { ERROR_CODES, PoolscopeError } from '../errors.js';
import { coreMessages } from '../messages.js';
import { fsErrorReason } from './fs-error-reason.js';
import { syncDirectory } from './sync-directory.js';

/**
 * Writes a file atomically: to a temporary name beside it, flushed, then renamed over the target,
 * so a reader never sees half a file and a crash leaves the old one intact.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, data, { flush: true });
    renameSync(temporary, file);
    syncDirectory(dirname(file));
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The directory itself may be what is missing or unwritable; the error below says so.
    }
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(file, fsErrorReason(error)), {
      hint: coreMessages.cannotWriteHint,
      cause: error,
    });
  }
}
