/**
 * Which release of which distribution carries the source package of which CPython minor version,
 * as data: the source build fetches `pythonX.Y`'s upstream tarball with `apt-get source` from the
 * suite named here, through a private apt state (see `apt-source.ts`). Facts as of 2025: Debian 11
 * bullseye ships 3.9, 12 bookworm 3.11, 13 trixie 3.13; Ubuntu 22.04 jammy 3.10, 24.04 noble 3.12,
 * 25.04 plucky 3.13.
 */
export interface DistroSuite {
  /** `ID` in /etc/os-release. */
  readonly distro: 'debian' | 'ubuntu';
  readonly suite: string;
  readonly mirror: string;
  /** The keyring apt checks the suite's signature with; the suite is used only where this file exists. */
  readonly keyring: string;
  /** The CPython minor versions whose source package (`python3.13`) it has. */
  readonly pythons: readonly string[];
}

const DEBIAN = { distro: 'debian', mirror: 'http://deb.debian.org/debian', keyring: '/usr/share/keyrings/debian-archive-keyring.gpg' } as const;
const UBUNTU = { distro: 'ubuntu', mirror: 'http://archive.ubuntu.com/ubuntu', keyring: '/usr/share/keyrings/ubuntu-archive-keyring.gpg' } as const;

export const DISTRO_SUITES: readonly DistroSuite[] = [
  { ...DEBIAN, suite: 'trixie', pythons: ['3.13'] },
  { ...DEBIAN, suite: 'bookworm', pythons: ['3.11'] },
  { ...DEBIAN, suite: 'bullseye', pythons: ['3.9'] },
  { ...UBUNTU, suite: 'plucky', pythons: ['3.13'] },
  { ...UBUNTU, suite: 'noble', pythons: ['3.12'] },
  { ...UBUNTU, suite: 'jammy', pythons: ['3.10'] },
];

/** `ID` and `ID_LIKE` of an /etc/os-release text: `['ubuntu', 'debian']`. */
export function osReleaseIds(text: string): string[] {
  const value = (key: string) => (new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1] ?? '').replace(/^["']|["']$/g, '');
  return [value('ID'), ...value('ID_LIKE').split(/\s+/)].filter(Boolean);
}

/**
 * The suites to fetch `pythonX.Y` from on a machine whose os-release names `ids`: the machine's own
 * distribution first, then any other whose keyring is installed (`hasKeyring`). Empty on a machine
 * that is neither Debian nor Ubuntu, or when no known suite carries that version.
 */
export function suitesFor(minor: string, ids: readonly string[], hasKeyring: (file: string) => boolean): DistroSuite[] {
  if (!ids.some((id) => id === 'debian' || id === 'ubuntu')) return [];
  const carrying = DISTRO_SUITES.filter((s) => s.pythons.includes(minor) && hasKeyring(s.keyring));
  const own = (s: DistroSuite) => (ids[0] === s.distro ? 0 : 1);
  return carrying.sort((a, b) => own(a) - own(b));
}

/** The one line of the private sources.list: `deb-src [signed-by=KEYRING] MIRROR SUITE main`. */
export const debSrcLine = (s: DistroSuite): string => `deb-src [signed-by=${s.keyring}] ${s.mirror} ${s.suite} main`;
