#!/usr/bin/env node
// `pnpm poolscope ARGS`: builds what the CLI needs (turbo; instant when nothing changed), quietly
// unless the build fails, then runs the CLI in this process so signals and exit codes are its own.
import { spawnSync } from 'node:child_process';

const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=poolscope...', '--output-logs=errors-only'], {
  cwd: new URL('..', import.meta.url).pathname,
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  encoding: 'utf8',
});
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.stderr.write('poolscope: the build failed (above); nothing was run.\n');
  process.exit(build.status ?? 1);
}
const { main } = await import('../apps/cli/dist/index.js');
process.exitCode = await main(process.argv.slice(2));
