import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a directory entry (a new file's name) to disk; a no-op where the OS does not allow it. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the data itself is already synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
