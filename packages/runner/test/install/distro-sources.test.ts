import { describe, expect, it } from 'vitest';
import { DISTRO_SUITES, debSrcLine, osReleaseIds, suitesFor } from '../../src/install/distro-sources.js';

const any = () => true;

describe('which distribution release carries which python3.X source package', () => {
  it("reads os-release's ID and ID_LIKE", () => {
    expect(osReleaseIds('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n')).toEqual(['ubuntu', 'debian']);
    expect(osReleaseIds('ID="fedora"\n')).toEqual(['fedora']);
    expect(osReleaseIds('')).toEqual([]);
  });

  it('fetches 3.13 from trixie on Debian, the machine\'s own distribution first', () => {
    expect(suitesFor('3.13', ['debian'], any).map((s) => s.suite)).toEqual(['trixie', 'plucky']);
    expect(suitesFor('3.13', ['ubuntu', 'debian'], any).map((s) => s.suite)).toEqual(['plucky', 'trixie']);
    expect(suitesFor('3.13', ['debian'], (k) => k.includes('debian')).map((s) => s.suite)).toEqual(['trixie']);
  });

  it('has nothing to offer elsewhere, or for a version no release carries', () => {
    expect(suitesFor('3.13', ['fedora'], any)).toEqual([]);
    expect(suitesFor('3.8', ['debian'], any)).toEqual([]);
  });

  it('writes a deb-src line signed by the suite\'s keyring', () => {
    const trixie = DISTRO_SUITES.find((s) => s.suite === 'trixie')!;
    expect(debSrcLine(trixie)).toBe('deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main');
  });
});
