import { homedir } from 'node:os';
import path from 'node:path';

/** The environment variables that place poolscope's managed Pythons. */
export type PythonHomeEnv = Readonly<Record<string, string | undefined>>;

/**
 * Where `poolscope python install` puts the interpreters it builds, one prefix per build
 * (`3.13.5/`, `3.13.5t/`): `$POOLSCOPE_PYTHON_HOME` if set, else `$XDG_DATA_HOME/poolscope/pythons`,
 * else `~/.local/share/poolscope/pythons`. Discovery looks in `*\/bin` under it.
 */
export function pythonsHome(env: PythonHomeEnv): string {
  if (env.POOLSCOPE_PYTHON_HOME) return path.resolve(env.POOLSCOPE_PYTHON_HOME);
  const data = env.XDG_DATA_HOME || path.join(env.HOME || homedir(), '.local', 'share');
  return path.join(data, 'poolscope', 'pythons');
}

/** The places inside the managed directory. */
export interface PythonsHomeLayout {
  readonly root: string;
  /** Build logs, kept after success and failure: `logs/3.13t-20251126-001500.log`. */
  readonly logs: string;
  /**
   * Work directories of builds in progress (source, objects, the staged install). Its name starts
   * with a dot and it has no `bin/`, so discovery never sees a half install.
   */
  readonly staging: string;
  /** A build's prefix: `ROOT/3.13.5t`. */
  prefix(name: string): string;
  /** The manifest beside a prefix: `ROOT/3.13.5t.json`. */
  manifest(name: string): string;
}

export function homeLayout(root: string): PythonsHomeLayout {
  return {
    root,
    logs: path.join(root, 'logs'),
    staging: path.join(root, '.staging'),
    prefix: (name) => path.join(root, name),
    manifest: (name) => path.join(root, `${name}.json`),
  };
}
