import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Worker threads and the child processes of the resume tests run the built JavaScript (dist/),
 * not the TypeScript sources the tests import, and the harness excerpts are cut at build time. `pnpm
 * test` builds first (turbo); a direct `npx vitest run` after editing src/ or harness/ would silently
 * test stale workers or excerpts, so rebuild when any source is newer than the build.
 */
export default function setup(): void {
  const built = ['dist/index.js', 'dist/targets/node/_worker.js', 'dist/harness-excerpts.json'].map((f) => join(root, f));
  const newest = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'harness')));
  const stale = built.some((f) => !existsSync(f)) || newest > Math.min(...built.map((f) => statSync(f).mtimeMs));
  if (!stale) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/quote-harness.mjs'], { cwd: root, stdio: 'inherit' });
}
