import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectHostInfo, countPhysicalCores, hostId, hostInfoSchema, readHostInfo, writeHostInfo, type HostInfo } from '../../src/index.js';

const interpreter = {
  target: 'python3.13t',
  implementation: 'cpython',
  path: '/opt/cpython/3.13t/bin/python3.13t',
  version: '3.13.5 experimental free-threading build (main) [GCC 12.2.0]',
  free_threaded_build: true,
  gil_enabled: false,
};

describe('host info', () => {
  it('describes this machine in a form the schema accepts', () => {
    const info = collectHostInfo([interpreter]);
    expect(hostInfoSchema.parse(info)).toEqual(info);
    expect(info.cpu.logical_cores).toBeGreaterThanOrEqual(info.cpu.physical_cores);
    expect(info.node_version).toBe(process.version);
    expect(info.interpreters).toEqual([interpreter]);
  });

  it('has a stable id that ignores key order and changes with the content', () => {
    const info = collectHostInfo([interpreter]);
    const reordered = Object.fromEntries(Object.entries(info).reverse()) as HostInfo;
    expect(hostId(reordered)).toBe(hostId(info));
    expect(hostId(info)).toMatch(/^[0-9a-f]{12}$/);
    expect(hostId({ ...info, memory_bytes: info.memory_bytes + 1 })).not.toBe(hostId(info));
  });

  it('round-trips through host.json and rejects a damaged one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-host-'));
    const info = collectHostInfo();
    writeHostInfo(join(dir, 'host.json'), info);
    expect(readHostInfo(join(dir, 'host.json'))).toEqual(info);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...info, cpu: { ...info.cpu, logical_cores: 0 } }));
    expect(() => readHostInfo(join(dir, 'bad.json'))).toThrow(/bad.json: not a valid host.json: 'cpu.logical_cores'/);
    writeFileSync(join(dir, 'cut.json'), '{"schema_version": 1,');
    expect(() => readHostInfo(join(dir, 'cut.json'))).toThrow(expect.objectContaining({ code: 'E_BAD_DATA' }));
  });

  it('counts physical cores from /proc/cpuinfo, hyper-threads once', () => {
    const block = (physical: number, core: number) => `processor\t: x\nphysical id\t: ${physical}\ncore id\t\t: ${core}\n`;
    const smt = [block(0, 0), block(0, 1), block(0, 0), block(0, 1)].join('\n');
    expect(countPhysicalCores(smt, 4)).toBe(2);
    const twoSockets = [block(0, 0), block(1, 0)].join('\n');
    expect(countPhysicalCores(twoSockets, 2)).toBe(2);
    expect(countPhysicalCores(undefined, 8)).toBe(8);
    expect(countPhysicalCores('processor: 0\n', 3)).toBe(3);
  });
});
