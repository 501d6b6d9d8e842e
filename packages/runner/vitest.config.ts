import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// One test file at a time: several files measure real thread pools and interpreters (speedups,
// sampling coverage), and two files running at once on a 2-core machine would disturb each other.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }));
