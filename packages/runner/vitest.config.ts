import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      globalSetup: ['test/global-setup.ts'],
      // Several test files measure real thread pools and assert speedups: run the files one after
      // another, so that on a 2-core machine one file's pools do not steal the other's cores.
      fileParallelism: false,
    },
  }),
);
