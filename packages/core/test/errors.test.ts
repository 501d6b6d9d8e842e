import { describe, expect, it } from 'vitest';
import { ERROR_CODES, PoolscopeError, isPoolscopeError } from '../src/index.js';

describe('PoolscopeError', () => {
  it('maps bad usage and bad input to exit 2, failures to 1, interrupts to 130', () => {
    const exit = (code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES]) => new PoolscopeError(code, 'x').exitCode;
    expect([ERROR_CODES.USAGE, ERROR_CODES.BAD_DATA, ERROR_CODES.NOT_FOUND, ERROR_CODES.SCHEMA_MISMATCH, ERROR_CODES.OUTPUT, ERROR_CODES.RUNTIME].map(exit)).toEqual([2, 2, 2, 2, 2, 2]);
    expect([ERROR_CODES.FAILED, ERROR_CODES.INTERNAL, ERROR_CODES.NOT_IMPLEMENTED].map(exit)).toEqual([1, 1, 1]);
    expect(exit(ERROR_CODES.INTERRUPTED)).toBe(130);
  });

  it('carries a code, a hint and a cause', () => {
    const cause = new Error('root');
    const error = new PoolscopeError(ERROR_CODES.USAGE, '--threads must be a list of positive integers', { hint: 'try --threads 1,2', cause });
    expect(error).toBeInstanceOf(Error);
    expect(isPoolscopeError(error)).toBe(true);
    expect(isPoolscopeError(cause)).toBe(false);
    expect(error).toMatchObject({ code: 'E_USAGE', hint: 'try --threads 1,2', cause, name: 'PoolscopeError' });
  });
});
