import type { InstallManifest } from './manifest.js';
import type { InstallBackend, InstallStage } from './stages.js';

/** What an install reports as it goes; the installer never prints. */
export type InstallEvent =
  /** A build that is already installed answers the request. */
  | { readonly type: 'reused'; readonly request: string; readonly manifest: InstallManifest }
  /** The install of one request begins; its output goes to `log`. */
  | { readonly type: 'start'; readonly request: string; readonly log: string }
  /**
   * A backend is tried, passed over (it is not there, or has no such version) or failed (the next one
   * is tried). `reason`: why it was passed over or failed; for `trying`, what it tries (the pyenv
   * definition, the --source), or null.
   */
  | { readonly type: 'backend'; readonly backend: InstallBackend; readonly status: 'trying' | 'skipped' | 'failed'; readonly reason: string | null }
  /**
   * A stage runs: `fraction` done (null when it cannot be told) and the time left at the pace so far
   * (null until 2% is done or when the fraction is unknown).
   */
  | {
      readonly type: 'stage';
      readonly stage: InstallStage;
      readonly fraction: number | null;
      readonly eta_ms: number | null;
      readonly elapsed_ms: number;
      /** What is being done, for a person: `412 of 680 objects`. */
      readonly detail: string | null;
    }
  | { readonly type: 'stage-done'; readonly stage: InstallStage; readonly seconds: number }
  | { readonly type: 'installed'; readonly manifest: InstallManifest };
