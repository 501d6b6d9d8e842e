import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { installMessages as m } from './messages.js';

/** One build of CPython to install: `3.13t` (the newest 3.13 found, free-threaded) or `3.13.5`. */
export interface InstallRequest {
  readonly major: number;
  readonly minor: number;
  /** Null: whichever micro release the backend has (the newest it knows). */
  readonly micro: number | null;
  readonly freeThreaded: boolean;
}

const VERSION = /^(?:python)?(\d+)\.(\d+)(?:\.(\d+))?(t?)$/;

/** `3.13`, `3.13t`, `3.13.5t` (a leading `python` is allowed). Throws E_USAGE for anything else. */
export function parseInstallRequest(text: string): InstallRequest {
  const match = VERSION.exec(text.trim());
  if (!match) throw new PoolscopeError(ERROR_CODES.USAGE, m.badVersion(text), { hint: m.badVersionHint });
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major !== 3) throw new PoolscopeError(ERROR_CODES.USAGE, m.notPython3(text), { hint: m.badVersionHint });
  if (match[4] === 't' && minor < 13) throw new PoolscopeError(ERROR_CODES.USAGE, m.noFreeThreading(text), { hint: m.badVersionHint });
  return { major, minor, micro: match[3] === undefined ? null : Number(match[3]), freeThreaded: match[4] === 't' };
}

/** `--pair 3.13`: the GIL build, then the free-threaded build of the same release. */
export function pairRequests(text: string): [InstallRequest, InstallRequest] {
  const gil = parseInstallRequest(text);
  if (gil.freeThreaded) throw new PoolscopeError(ERROR_CODES.USAGE, m.pairWithT(text), { hint: m.badVersionHint });
  const freeThreaded = parseInstallRequest(`${text}t`);
  return [gil, freeThreaded];
}

/** `3.13t`, `3.13.5`: the request as the user would write it. */
export function requestLabel(r: InstallRequest): string {
  return `${r.major}.${r.minor}${r.micro === null ? '' : `.${r.micro}`}${r.freeThreaded ? 't' : ''}`;
}

/** The name of an installed build, and of its prefix: `3.13.5t`. */
export function buildName(version: string, freeThreaded: boolean): string {
  return `${version}${freeThreaded ? 't' : ''}`;
}

/** Whether an installed `version` (`3.13.5`) of that build is what the request asks for. */
export function satisfies(request: InstallRequest, version: string, freeThreaded: boolean): boolean {
  const [major, minor, micro] = version.split('.').map(Number);
  return major === request.major && minor === request.minor && (request.micro === null || micro === request.micro) && freeThreaded === request.freeThreaded;
}
