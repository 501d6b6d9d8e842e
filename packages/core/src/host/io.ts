import { readFileSync } from 'node:fs';
import { ERROR_CODES, PoolscopeError } from '../errors.js';
import { coreMessages } from '../messages.js';
import { hostInfoSchema, type HostInfo } from '../schema/host.js';
import { assertReadableFile } from '../csv/read.js';
import { writeFileAtomic } from '../fs/write-atomic.js';

/** Writes host.json (pretty-printed, keys in schema order). */
export function writeHostInfo(file: string, info: HostInfo): void {
  writeFileAtomic(file, `${JSON.stringify(hostInfoSchema.parse(info), null, 2)}\n`);
}

/** Reads and validates a host.json file. */
export function readHostInfo(file: string): HostInfo {
  assertReadableFile(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.hostInfoInvalid(file, (error as Error).message), {
      hint: coreMessages.hostInfoHint,
    });
  }
  const parsed = hostInfoSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `'${i.path.join('.')}' ${i.message}`).join('; ');
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.hostInfoInvalid(file, problems), { hint: coreMessages.hostInfoHint });
  }
  return parsed.data;
}
