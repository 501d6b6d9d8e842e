import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '@poolscope/core';
import { INSTALL_BACKENDS, INSTALL_STAGES } from './stages.js';
import type { PythonsHomeLayout } from './home.js';

const seconds = z.number().nonnegative();

/**
 * What `poolscope python install` wrote beside each build it made (`ROOT/3.13.5t.json`), for
 * `poolscope python list` and `remove`: how it was made, from what, with which flags, how long each
 * stage took, where the log is, and which optional modules the build lacks.
 */
export const installManifestSchema = z.object({
  schema_version: z.literal(1),
  /** `3.13.5t`: the version and build. */
  name: z.string().min(1),
  /** What was asked for: `3.13t`. */
  request: z.string(),
  /** `platform.python_version()` of the result. */
  version: z.string(),
  free_threaded: z.boolean(),
  backend: z.enum(INSTALL_BACKENDS),
  /** Where it came from: a tarball's path or URL, `apt-get source python3.13 (trixie)`, `uv`, a pyenv definition. */
  source: z.string(),
  /** The install prefix (under the managed directory; pyenv's own for a pyenv install). */
  prefix: z.string(),
  /** The interpreter itself. */
  executable: z.string(),
  log: z.string(),
  configure_flags: z.array(z.string()),
  /** ISO 8601, UTC. */
  installed_at: z.string(),
  duration_s: seconds,
  stages_s: z.partialRecord(z.enum(INSTALL_STAGES), seconds),
  /** Optional standard-library modules the build cannot import, and the package whose headers they need. */
  missing_modules: z.array(z.object({ module: z.string(), package: z.string() })),
});
export type InstallManifest = z.infer<typeof installManifestSchema>;

export function writeManifest(layout: PythonsHomeLayout, manifest: InstallManifest): void {
  writeFileAtomic(layout.manifest(manifest.name), `${JSON.stringify(installManifestSchema.parse(manifest), null, 2)}\n`);
}

/** Every build poolscope installed under the managed directory, by name; files that are not manifests are passed over. */
export async function listManifests(layout: PythonsHomeLayout): Promise<InstallManifest[]> {
  const names = await readdir(layout.root).catch(() => [] as string[]);
  const manifests: InstallManifest[] = [];
  for (const file of names.filter((n) => n.endsWith('.json')).sort()) {
    try {
      const parsed = installManifestSchema.safeParse(JSON.parse(await readFile(path.join(layout.root, file), 'utf8')));
      if (parsed.success) manifests.push(parsed.data);
    } catch {
      // Not JSON: not one of ours.
    }
  }
  return manifests;
}
