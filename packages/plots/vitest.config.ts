import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// No tests yet: this package has no code until its issue lands.
export default mergeConfig(shared, defineConfig({ test: { passWithNoTests: true } }));
