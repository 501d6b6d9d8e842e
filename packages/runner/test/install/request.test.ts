import { describe, expect, it } from 'vitest';
import { pairRequests, parseInstallRequest, requestLabel, satisfies } from '../../src/install/request.js';
import { installMessages as m } from '../../src/install/messages.js';

describe('parseInstallRequest', () => {
  it('reads X.Y, X.Yt, X.Y.Z and X.Y.Zt', () => {
    expect(parseInstallRequest('3.13t')).toEqual({ major: 3, minor: 13, micro: null, freeThreaded: true });
    expect(parseInstallRequest('python3.12')).toEqual({ major: 3, minor: 12, micro: null, freeThreaded: false });
    expect(parseInstallRequest('3.13.5')).toEqual({ major: 3, minor: 13, micro: 5, freeThreaded: false });
    expect(requestLabel(parseInstallRequest('3.13.5t'))).toBe('3.13.5t');
  });

  it('refuses what is not a CPython 3 build, naming the forms', () => {
    expect(() => parseInstallRequest('latest')).toThrow(m.badVersion('latest'));
    expect(() => parseInstallRequest('2.7')).toThrow(m.notPython3('2.7'));
    expect(() => parseInstallRequest('3.12t')).toThrow(m.noFreeThreading('3.12t'));
    expect(() => pairRequests('3.13t')).toThrow(m.pairWithT('3.13t'));
  });

  it('pairs the GIL build with the free-threaded build of one version', () => {
    expect(pairRequests('3.13').map(requestLabel)).toEqual(['3.13', '3.13t']);
  });

  it('matches installed builds by minor version, micro version when given, and build', () => {
    const t = parseInstallRequest('3.13t');
    expect(satisfies(t, '3.13.5', true)).toBe(true);
    expect(satisfies(t, '3.13.5', false)).toBe(false);
    expect(satisfies(parseInstallRequest('3.13.4t'), '3.13.5', true)).toBe(false);
  });
});
