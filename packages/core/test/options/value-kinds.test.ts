import { describe, expect, it } from 'vitest';
import { PoolscopeError } from '../../src/errors.js';
import { coreMessages } from '../../src/messages.js';
import { choiceParser, parseBoolean } from '../../src/options/choices.js';
import { choiceListParser, parseNameList, parsePositiveIntList, parsePositiveNumberList, readChoiceList } from '../../src/options/lists.js';
import { parseFraction, parseNonNegativeInt, parsePositiveInt, parseSeconds, parseSeed } from '../../src/options/numbers.js';
import { withHint } from '../../src/options/value-parser.js';

const expected = coreMessages.expectedValue;

describe('list parsers', () => {
  it('read lists from text or JSON, sorted and without repeats where they are sets', () => {
    expect(parsePositiveIntList('8, 2,4,2', '--threads')).toEqual([2, 4, 8]);
    expect(parsePositiveIntList([1, '3'], 'k')).toEqual([1, 3]);
    expect(parsePositiveIntList(5, 'k')).toEqual([5]);
    expect(parseNameList('node-pool,node-main,node-pool', '--targets')).toEqual(['node-pool', 'node-main']);
    expect(parsePositiveNumberList('16, 12,0.5,12', '--predict')).toEqual([16, 12, 0.5, 12]);
  });

  it('name the option and what it takes when a value is wrong', () => {
    expect(() => parsePositiveIntList('0,2', '--threads')).toThrow(coreMessages.badOption('--threads', expected.positiveIntList, '0,2'));
    expect(() => parsePositiveIntList('', '--tasks')).toThrow(/--tasks must be a list of positive integers/);
    expect(() => parsePositiveIntList('1.5', '--tasks')).toThrow(/got '1.5'/);
    expect(() => parsePositiveIntList([1, -2], "c.json: key 'threads'")).toThrow("c.json: key 'threads' must be a list of positive integers, got '[1,-2]'");
    expect(() => parseNameList(',', '--targets')).toThrow(/--targets must be a list of names/);
    for (const bad of ['12,0', '', '1,,2', 'x']) expect(() => parsePositiveNumberList(bad, '--predict')).toThrow(coreMessages.badOption('--predict', expected.positiveNumberList, bad));
  });

  it('read some of a set of choices, in the set order', () => {
    const types = choiceListParser(['cpu', 'io'], 'a list of task types (cpu, io)');
    expect(types('io,cpu', '--task-types')).toEqual(['cpu', 'io']);
    expect(() => types('cpu,disk', '--task-types')).toThrow(coreMessages.badOption('--task-types', 'a list of task types (cpu, io)', 'cpu,disk'));
    expect(readChoiceList('png, svg,png', ['svg', 'png'])).toEqual(['svg', 'png']);
    expect(readChoiceList('', ['svg', 'png'])).toBeUndefined();
  });
});

describe('number parsers', () => {
  it('read counts, seeds, seconds and fractions', () => {
    expect(parseNonNegativeInt('0', '--warmup')).toBe(0);
    expect(() => parsePositiveInt('0', '--repeats')).toThrow(coreMessages.badOption('--repeats', expected.positiveInt, '0'));
    expect(() => parsePositiveInt('1e3', '--cores')).toThrow(coreMessages.badOption('--cores', expected.positiveInt, '1e3'));
    expect(parseSeed('4294967295', '--seed')).toBe(4294967295);
    expect(() => parseSeed('4294967296', '--seed')).toThrow(/--seed must be an integer from 0 to 4294967295/);
    expect(parseSeconds('2.5', '--timeout-s')).toBe(2.5);
    for (const bad of ['0', '-1', 'NaN', 'Infinity', '']) expect(() => parseSeconds(bad, '--timeout-s')).toThrow(/--timeout-s must be a positive number of seconds/);
    expect(parseFraction('0.25', '--plateau-gain')).toBe(0.25);
    for (const bad of ['0', '1', '', 'x']) expect(() => parseFraction(bad, '--plateau-gain')).toThrow(coreMessages.badOption('--plateau-gain', expected.fraction, bad));
  });
});

describe('choice parsers', () => {
  it('read one of the choices, or true or false', () => {
    const order = choiceParser(['cells', 'rounds']);
    expect(order('cells', '--order')).toBe('cells');
    expect(() => order('random', '--order')).toThrow(coreMessages.badOption('--order', 'one of cells, rounds', 'random'));
    expect(parseBoolean(false, 'k')).toBe(false);
    expect(() => parseBoolean('yes', 'k')).toThrow(coreMessages.badOption('k', expected.boolean, 'yes'));
  });
});

describe('withHint', () => {
  it('gives a hint to an error that has none, and keeps one that has', () => {
    expect(() => withHint('do this', () => parsePositiveInt('x', '--n'))).toThrow(expect.objectContaining({ hint: 'do this', code: 'E_USAGE' }));
    const own = () => {
      throw new PoolscopeError('E_USAGE', 'bad', { hint: 'its own' });
    };
    expect(() => withHint('do this', own)).toThrow(expect.objectContaining({ hint: 'its own' }));
    expect(withHint('do this', () => 3)).toBe(3);
  });
});
