import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/plan/json-syntax.js';

/** V8's message for `text`, which must not be valid JSON. */
function messageOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('valid JSON');
}

describe('jsonSyntaxError', () => {
  it('turns V8\'s position into file:line:column and keeps the reason', () => {
    const text = '{\n  "threads": [1, 2,\n  "tasks": [100]\n}\n';
    const { where, reason } = jsonSyntaxError('m.json', text, messageOf(text));
    // The error is at the first character V8 could not take; lines and columns count from 1.
    expect(where).toMatch(/^m\.json:3:\d+$/);
    expect(reason).not.toContain('position');
    expect(reason.length).toBeGreaterThan(0);
  });

  it('gives the file alone when the message has no position', () => {
    expect(jsonSyntaxError('m.json', '', 'Unexpected end of JSON input')).toEqual({ where: 'm.json', reason: 'Unexpected end of JSON input' });
  });
});
