/**
 * The promise's value, or undefined as soon as `signal` aborts (at once if it has already). The
 * promise is left to settle on its own; a later rejection of it is observed, never unhandled.
 */
export async function raceAbandon<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return undefined;
  }
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => undefined);
  try {
    return await Promise.race([promise, abandoned]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
