/* global URL */
// Build step: cuts the harness code the report quotes out of this package's sources (see
// src/excerpts/harness-excerpts.ts) into dist/harness-excerpts.json, which the package ships.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { quoteHarness } from '../dist/excerpts/harness-excerpts.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const excerpts = quoteHarness(root);
if (excerpts.missing.length > 0) throw new Error(`quote-harness: not found: ${excerpts.missing.join('; ')}`);
writeFileSync(new URL('../dist/harness-excerpts.json', import.meta.url), `${JSON.stringify(excerpts, null, 2)}\n`);
