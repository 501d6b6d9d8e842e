/**
 * The standard library's optional extension modules that a source build leaves out when the
 * machine lacks a library's headers, and the Debian/Ubuntu package with those headers.
 */
export const OPTIONAL_MODULES: readonly { readonly module: string; readonly package: string }[] = [
  { module: 'zlib', package: 'zlib1g-dev' },
  { module: '_ssl', package: 'libssl-dev' },
  { module: '_hashlib', package: 'libssl-dev' },
  { module: '_ctypes', package: 'libffi-dev' },
  { module: '_sqlite3', package: 'libsqlite3-dev' },
  { module: '_bz2', package: 'libbz2-dev' },
  { module: '_lzma', package: 'liblzma-dev' },
  { module: 'readline', package: 'libreadline-dev' },
  { module: '_curses', package: 'libncurses-dev' },
  { module: '_dbm', package: 'libgdbm-compat-dev' },
  { module: '_gdbm', package: 'libgdbm-dev' },
  { module: '_uuid', package: 'uuid-dev' },
  { module: '_tkinter', package: 'tk-dev' },
];

/** A Python program that prints, as JSON, which of `modules` it cannot import. */
export function importCheckScript(modules: readonly string[]): string {
  return [
    'import importlib, json',
    `names = ${JSON.stringify(modules)}`,
    'missing = []',
    'for name in names:',
    '    try:',
    '        importlib.import_module(name)',
    '    except Exception:',
    '        missing.append(name)',
    'print(json.dumps(missing))',
  ].join('\n');
}
