import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.js';

// Only the suite's pure helpers are tested here; the benchmarks themselves run with `pnpm bench`.
export default mergeConfig(shared, defineConfig({}));
