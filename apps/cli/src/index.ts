export { main } from './main.js';
export { buildProgram } from './program.js';
export { processIO } from './io.js';

export type { CliIO } from './io.js';
