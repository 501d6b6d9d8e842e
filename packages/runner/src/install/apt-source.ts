import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from './context.js';
import { commandReason, StepFailure } from './context.js';
import { debSrcLine, osReleaseIds, suitesFor } from './distro-sources.js';
import { installMessages as m } from './messages.js';
import { runLogged } from './run-logged.js';

/** Where the machine says what it is; a test points it elsewhere. */
export const OS_RELEASE = '/etc/os-release';

/**
 * Downloads the upstream tarball of the distribution's `pythonX.Y` source package into `dir`, with
 * `apt-get source --download-only` and an apt state of its own (lists, cache and a sources.list
 * with one deb-src line), so that the machine's own package lists are left as they are. Tries each
 * suite that carries the version (the machine's own distribution first). Returns the tarball and
 * where it came from; throws a fetch StepFailure saying why each suite failed.
 */
export async function fetchDistroSource(ctx: BuildContext, dir: string): Promise<{ tarball: string; origin: string }> {
  const minor = `${ctx.request.major}.${ctx.request.minor}`;
  const ids = osReleaseIds(await readFile(ctx.distro.osRelease, 'utf8').catch(() => ''));
  if (!ids.some((id) => id === 'debian' || id === 'ubuntu')) throw new StepFailure('fetch', m.notDebian);
  const suites = suitesFor(minor, ids, ctx.distro.hasKeyring);
  if (suites.length === 0) throw new StepFailure('fetch', m.noSuite(minor));
  const pkg = `python${minor}`;
  const reasons: string[] = [];
  for (const suite of suites) {
    const state = path.join(dir, `apt-${suite.suite}`);
    await mkdir(path.join(state, 'lists', 'partial'), { recursive: true });
    await mkdir(path.join(state, 'cache', 'archives', 'partial'), { recursive: true });
    const sources = path.join(state, 'sources.list');
    await writeFile(sources, `${debSrcLine(suite)}\n`);
    const apt = [
      '-o', `Dir::State::Lists=${path.join(state, 'lists')}`,
      '-o', `Dir::Cache=${path.join(state, 'cache')}`,
      '-o', `Dir::Etc::SourceList=${sources}`,
      '-o', 'Dir::Etc::SourceParts=/dev/null',
      '-o', 'APT::Sandbox::User=root',
      '-q',
    ];
    const options = { cwd: state, env: ctx.env, log: ctx.log, signal: ctx.signal };
    const updated = await runLogged('apt-get', [...apt, 'update'], options);
    if (!updated.ok) {
      reasons.push(m.aptFailed(suite.suite, commandReason('apt-get update', updated)));
      continue;
    }
    const fetched = await runLogged('apt-get', [...apt, 'source', '--download-only', pkg], options);
    if (!fetched.ok) {
      reasons.push(m.aptFailed(suite.suite, commandReason(`apt-get source ${pkg}`, fetched)));
      continue;
    }
    const orig = (await readdir(state)).find((n) => n.startsWith(`${pkg}_`) && /\.orig\.tar\.\w+$/.test(n));
    if (!orig) {
      reasons.push(m.aptFailed(suite.suite, m.noOrigTarball(state)));
      continue;
    }
    return { tarball: path.join(state, orig), origin: m.aptSource(pkg, suite.suite) };
  }
  throw new StepFailure('fetch', reasons.join('; '));
}
