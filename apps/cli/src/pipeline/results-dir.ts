import { existsSync, lstatSync, mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ERROR_CODES, PoolscopeError, coreMessages, fsErrorReason } from '@poolscope/core';

/** The link, inside the results directory, that points at the newest run. */
export const LATEST = 'latest';

/**
 * A new run's id: its UTC start time and the profile, `20251126-001500-default`. Sorts by time, reads
 * as a date, and fits the runner's run-id rule (letters, digits, `.`, `_`, `-`).
 */
export function pipelineRunId(now: Date, profile: string): string {
  const iso = now.toISOString(); // 2025-11-26T00:15:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${profile}`;
}

/** The id unchanged when `results/<id>` is free, else `<id>-2`, `<id>-3`, ... */
export function freeRunId(results: string, id: string): string {
  let candidate = id;
  for (let n = 2; existsSync(join(results, candidate)); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** The run `results/latest` points at, or undefined when there is no such link. */
export function latestRun(results: string): string | undefined {
  const link = join(results, LATEST);
  try {
    if (!lstatSync(link).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  return resolve(results, readlinkSync(link));
}

/**
 * Points `results/latest` at `runDir` (a relative symbolic link, so the results directory can be
 * moved), replacing the old link in one rename so a reader never sees it missing.
 */
export function pointLatest(results: string, runDir: string): string {
  const link = join(results, LATEST);
  if (existsSync(link) && !lstatSync(link).isSymbolicLink())
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(link, 'it exists and is not a symbolic link'), { hint: coreMessages.cannotWriteHint });
  const temporary = `${link}.${process.pid}.tmp`;
  try {
    mkdirSync(results, { recursive: true });
    rmSync(temporary, { force: true });
    symlinkSync(basename(runDir), temporary);
    renameSync(temporary, link);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(link, fsErrorReason(error)), { hint: coreMessages.cannotWriteHint, cause: error });
  }
  return link;
}
