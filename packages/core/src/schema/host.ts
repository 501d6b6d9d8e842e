import { createHash } from 'node:crypto';
import { z } from 'zod';

/** An interpreter a run used, as it reported itself. */
export const interpreterInfoSchema = z.object({
  /** The target name rows carry (`python3.13t`, `python:/opt/x/bin/python3`). */
  target: z.string().min(1),
  /** `cpython`, `pypy`, ... (`sys.implementation.name`). */
  implementation: z.string().min(1),
  /** Absolute path of the executable. */
  path: z.string().min(1),
  /** The full version string (`sys.version`). */
  version: z.string().min(1),
  /** Built with free-threading (`sysconfig` `Py_GIL_DISABLED`). */
  free_threaded_build: z.boolean(),
  /** Whether the GIL was on at run time (`sys._is_gil_enabled()`); null where unknown. */
  gil_enabled: z.boolean().nullable(),
});
export type InterpreterInfo = z.infer<typeof interpreterInfoSchema>;

/** The machine a run measured on: the RCA's "Platform setup". Written as `host.json`. */
export const hostInfoSchema = z.object({
  schema_version: z.literal(1),
  hostname: z.string(),
  os: z.object({
    /** `linux`, `darwin`, ... */
    platform: z.string(),
    /** Distribution name where known (`Debian GNU/Linux 12 (bookworm)`), else the OS type. */
    name: z.string(),
    /** Kernel release (`6.1.0-18-amd64`). */
    kernel: z.string(),
    arch: z.string(),
  }),
  cpu: z.object({
    model: z.string(),
    logical_cores: z.number().int().positive(),
    physical_cores: z.number().int().positive(),
  }),
  memory_bytes: z.number().int().positive(),
  node_version: z.string(),
  interpreters: z.array(interpreterInfoSchema),
});
export type HostInfo = z.infer<typeof hostInfoSchema>;

/** JSON with object keys sorted at every depth, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stable 12-hex-digit id of a host description: the same machine and interpreters, the same id. */
export function hostId(info: HostInfo): string {
  return createHash('sha256').update(canonicalJson(info)).digest('hex').slice(0, 12);
}
