import { describe, expect, test } from 'vitest';
import { groupThousands, shortNumber, tasksLabel, taskTypeLabel } from '../../src/style/labels.js';

describe('labels', () => {
  test('group thousands with commas, the same on every locale', () => {
    expect(groupThousands(100)).toBe('100');
    expect(groupThousands(10000)).toBe('10,000');
    expect(groupThousands(1234567.5)).toBe('1,234,567.5');
  });

  test('name task-count panels and task-type rows', () => {
    expect(tasksLabel(1)).toBe('1 task');
    expect(tasksLabel(100000)).toBe('100,000 tasks');
    expect(taskTypeLabel('cpu')).toBe('cpu-bound tasks');
    expect(taskTypeLabel('io')).toBe('io-bound tasks');
  });

  test('shorten annotation numbers to three significant digits', () => {
    expect(shortNumber(3.8729833)).toBe('3.87');
    expect(shortNumber(12)).toBe('12');
    expect(shortNumber(123456.7)).toBe('123,457');
    expect(shortNumber(2.5e12)).toBe('2.50e12');
    expect(shortNumber(0.00123)).toBe('0.00123');
    expect(shortNumber(Infinity)).toBe('Infinity');
  });
});
