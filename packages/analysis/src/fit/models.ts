/** The models poolscope fits, and the fits of one group. */
import type { AmdahlFit } from './amdahl.js';
import type { UslFit } from './usl.js';

/** The models poolscope fits. */
export type ModelName = 'amdahl' | 'usl';

/** Both fits of one group, and which describes the data better. */
export interface GroupFits {
  readonly amdahl: AmdahlFit;
  readonly usl: UslFit;
  /** The model with the lower AIC (Amdahl on a tie: fewer parameters); null when neither fitted. */
  readonly preferred: ModelName | null;
}
