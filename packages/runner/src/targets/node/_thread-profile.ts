/**
 * V8's sampling profiler on the calling thread, through the inspector protocol (`Profiler.start`
 * and `Profiler.stop`, as `node --cpu-prof` uses them). Any thread can profile itself this way: the
 * runner's main thread, and each worker of a pool from inside a task. Internal to the Node targets.
 */
import { Session } from 'node:inspector/promises';
import type { CpuProfile } from '../../profile/v8-cpuprofile.js';

let session: Session | undefined;

/** The monotonic clock in microseconds: the clock of V8's profile timestamps (see `ProfileWindow`). */
export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** Starts profiling this thread, one sample every `intervalUs` microseconds. */
export async function startThreadProfile(intervalUs: number): Promise<void> {
  if (!session) {
    session = new Session();
    session.connect();
  }
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Math.max(1, Math.round(intervalUs)) });
  await session.post('Profiler.start');
}

/** Stops profiling this thread and returns the profile (a `.cpuprofile`); null if none was running. */
export async function stopThreadProfile(): Promise<CpuProfile | null> {
  if (!session) return null;
  try {
    const { profile } = await session.post('Profiler.stop');
    return profile as CpuProfile;
  } catch {
    return null;
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
  }
}
