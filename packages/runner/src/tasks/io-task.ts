/**
 * The io-bound tasks: wait `work` microseconds without burning CPU, as `time.sleep` does in a
 * Python thread.
 */

// One shared cell nobody ever notifies: waiting on it always runs into the timeout.
const neverNotified = new Int32Array(new SharedArrayBuffer(4));

/**
 * Blocks the calling thread for `work` microseconds (a worker thread's `time.sleep`).
 * `Atomics.wait` parks the thread in the kernel with sub-millisecond resolution; it cannot be
 * used on the main thread of a browser, but Node allows it in any thread.
 */
export function ioTaskBlocking(work: number): number {
  Atomics.wait(neverNotified, 0, 0, work / 1000);
  return work;
}

/**
 * Waits `work` microseconds on the event loop, letting other tasks run meanwhile (the
 * event-loop analogue of a sleeping thread). Node's timers have a resolution of 1 ms and a delay
 * is truncated to whole milliseconds, so the wait is rounded up to whole milliseconds: it never
 * ends early, as `time.sleep` never does.
 */
export function ioTaskAsync(work: number): Promise<number> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(work / 1000)), work));
}
