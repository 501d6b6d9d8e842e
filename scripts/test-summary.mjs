#!/usr/bin/env node
// Sums the vitest JSON reports that `pnpm test` leaves in each package (.vitest-results.json)
// and prints one line, `N passed, N failed`, for CI. A package with tests but no report (its run
// crashed before reporting) counts as one failure. Extra failures found by the caller (a failed
// typecheck or lint) are passed as --extra-failed N; --test-status N is the exit status of
// `pnpm test`, counted as one failure if it failed although no report shows a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const flag = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) || 0 : 0;
};
let failed = 0;
let passed = 0;

// The workspace's package folders, from pnpm-workspace.yaml's `packages:` list (`dir/*` or `dir`).
function workspaceDirs() {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const list = /^packages:\n((?:\s+- .*\n?)+)/m.exec(yaml)?.[1] ?? '';
  return list
    .split('\n')
    .map((line) => line.replace(/^\s+- /, '').replace(/^['"]|['"]$/g, '').trim())
    .filter(Boolean)
    .flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(root, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
        : [pattern],
    );
}

for (const where of workspaceDirs()) {
  const dir = join(root, where);
  if (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'test'))) continue;
  const report = join(dir, '.vitest-results.json');
  if (!existsSync(report)) {
    console.log(`${where}: no test report (its test run did not finish)`);
    failed += 1;
    continue;
  }
  const { numPassedTests, numFailedTests, testResults } = JSON.parse(readFileSync(report, 'utf8'));
  // A test file that fails to load has no tests in it but a failed suite status.
  const brokenFiles = testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  passed += numPassedTests;
  failed += numFailedTests + brokenFiles;
  if (brokenFiles) console.log(`${where}: ${brokenFiles} test file(s) failed to run`);
}
if (flag('--test-status') !== 0 && failed === 0) {
  console.log(`pnpm test exited ${flag('--test-status')} although no report shows a failing test`);
  failed += 1;
}
failed += flag('--extra-failed');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
