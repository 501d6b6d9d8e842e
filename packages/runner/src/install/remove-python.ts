import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import type { PythonsHomeLayout } from './home.js';
import { listManifests, type InstallManifest } from './manifest.js';
import { installMessages as m } from './messages.js';
import { parseInstallRequest, satisfies } from './request.js';
import { runLogged } from './run-logged.js';

/** The installs a name means: its own name (`3.13.5t`), or every install a version (`3.13t`) is satisfied by. */
function matching(manifests: readonly InstallManifest[], name: string): InstallManifest[] {
  const exact = manifests.filter((x) => x.name === name);
  if (exact.length > 0) return exact;
  const request = parseInstallRequest(name);
  return manifests.filter((x) => satisfies(request, x.version, x.free_threaded));
}

/**
 * Removes builds poolscope installed: the prefix (`pyenv uninstall` for a pyenv install), the
 * manifest and the build's log. Throws E_NOT_FOUND, listing what is installed, for a name that
 * matches none; nothing is removed then.
 */
export async function removePythons(layout: PythonsHomeLayout, names: readonly string[], env: NodeJS.ProcessEnv): Promise<InstallManifest[]> {
  const manifests = await listManifests(layout);
  const chosen = new Map<string, InstallManifest>();
  for (const name of names) {
    const found = matching(manifests, name);
    if (found.length === 0) throw new PoolscopeError(ERROR_CODES.NOT_FOUND, m.notInstalled(name, manifests.map((x) => x.name)), { hint: m.notInstalledHint });
    for (const x of found) chosen.set(x.name, x);
  }
  for (const x of chosen.values()) {
    if (x.backend === 'pyenv') {
      const log = createWriteStream(x.log, { flags: 'a' });
      await runLogged('pyenv', ['uninstall', '--force', path.basename(x.prefix)], { cwd: layout.root, env, log });
      await new Promise((resolve) => log.end(resolve));
    }
    await rm(x.prefix, { recursive: true, force: true });
    await rm(layout.manifest(x.name), { force: true });
    await rm(x.log, { force: true });
  }
  return [...chosen.values()];
}
