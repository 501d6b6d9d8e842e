import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { coreMessages } from '../messages.js';

/** The nearest of `path` and its parents that exists but is not a directory, if any. */
function fileInTheWay(path: string): string | undefined {
  for (let p = path; ; p = dirname(p)) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      // Missing: look at its parent.
    }
    if (dirname(p) === p) return undefined;
  }
}

/**
 * Why a file operation failed, in words a user can act on: "'x' is a file, not a directory" for
 * an output path under a file, "permission denied", a read-only or full disk; else Node's message.
 */
export function fsErrorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, path } = error as NodeJS.ErrnoException;
  if ((code === 'ENOTDIR' || code === 'EEXIST') && path !== undefined) {
    const file = fileInTheWay(path);
    if (file !== undefined) return coreMessages.fileInTheWay(file);
  }
  if (code === 'EACCES' || code === 'EPERM') return coreMessages.permissionDenied(path ?? '');
  if (code === 'EROFS') return coreMessages.readOnly;
  if (code === 'ENOSPC') return coreMessages.diskFull;
  return error.message;
}
