import { readFileSync } from 'node:fs';
import { assertReadableFile, type PoolscopeError } from '@poolscope/core';

/**
 * Where a JSON syntax error is, as `file:line:column`, and its reason without V8's
 * "in JSON at position N" (or `file` and the reason as they are when V8 gives no position).
 */
export function jsonSyntaxError(file: string, text: string, message: string): { where: string; reason: string } {
  const match = / in JSON at position (\d+)/.exec(message);
  if (!match) return { where: file, reason: message };
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { where: `${file}:${line}:${column}`, reason: message.replace(/ in JSON at position \d+.*$/s, '') };
}

/**
 * Reads and parses a JSON file the user wrote: E_NOT_FOUND if it cannot be read, and for a syntax
 * error the error `refuse` makes of where it is (`file:line:column`) and why.
 */
export function readJsonFile(file: string, refuse: (where: string, reason: string) => PoolscopeError): unknown {
  assertReadableFile(file);
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const { where, reason } = jsonSyntaxError(file, text, (error as Error).message);
    throw refuse(where, reason);
  }
}
