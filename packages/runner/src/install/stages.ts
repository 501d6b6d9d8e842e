/** The ways to get a CPython, tried in this order. */
export const INSTALL_BACKENDS = ['uv', 'pyenv', 'source'] as const;
export type InstallBackend = (typeof INSTALL_BACKENDS)[number];

/** The stages of an install, as the progress display names them (uv and pyenv run only `install`). */
export const INSTALL_STAGES = ['fetch', 'configure', 'compile', 'install'] as const;
export type InstallStage = (typeof INSTALL_STAGES)[number];
