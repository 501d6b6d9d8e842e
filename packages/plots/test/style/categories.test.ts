import { FUNCTION_CATEGORIES } from '@poolscope/core';
import { describe, expect, test } from 'vitest';
import { CATEGORY_LABELS, fnScalingBreakdownSpec } from '../../src/index.js';
import { encodings } from '../fixtures/spec-parts.js';
import { syntheticInput } from '../fixtures/synthetic.js';

describe('CATEGORY_LABELS', () => {
  test('labels idle time "idle": workers are not the only threads that wait', () => {
    expect(CATEGORY_LABELS.idle).toBe('idle');
    const breakdown = syntheticInput({ targets: ['x'], taskCounts: [100] }).breakdown!;
    const domains = encodings(fnScalingBreakdownSpec(breakdown)).map((e) => (e.color as { scale?: { domain?: string[] } } | undefined)?.scale?.domain).filter(Boolean);
    expect(domains).toContainEqual(FUNCTION_CATEGORIES.map((c) => CATEGORY_LABELS[c]));
    expect(domains.flat()).not.toContain('idle worker');
  });
});
