import type { RunEvent } from './events.js';
import { runnerMessages } from '../messages.js';
import { failed, type RepeatFailed, type RuntimeInfo, type Target, type TargetSession } from '../targets/target.js';

/**
 * One live session per target, kept across cells. After a failed repetition the runner discards
 * the session; the next use starts a fresh one.
 */
export class Sessions {
  readonly #live = new Map<string, TargetSession>();
  readonly #runtimes = new Map<string, RuntimeInfo>();
  readonly #discarded = new Set<string>();

  constructor(
    private readonly targets: ReadonlyMap<string, Target>,
    private readonly emit: (event: RunEvent) => void,
  ) {}

  /** Starts the session of each target; throws if one cannot start (the target is unusable). */
  async startAll(names: readonly string[]): Promise<void> {
    for (const name of names) await this.#start(name);
  }

  async #start(name: string): Promise<TargetSession> {
    const session = await this.targets.get(name)!.start();
    this.#live.set(name, session);
    this.#runtimes.set(name, session.runtime);
    return session;
  }

  /** The live session of a target, restarting it if it was discarded; a failure if that fails. */
  async get(name: string): Promise<TargetSession | RepeatFailed> {
    const live = this.#live.get(name);
    if (live) return live;
    if (this.#discarded.delete(name)) this.emit({ type: 'target-restart', target: name });
    try {
      return await this.#start(name);
    } catch (error) {
      this.#discarded.add(name);
      return failed('error', runnerMessages.cannotRestart(name, error instanceof Error ? error.message : String(error)));
    }
  }

  /** The live session of a target, if it has one now. */
  live(name: string): TargetSession | undefined {
    return this.#live.get(name);
  }

  /** Closes a target's session (stopping whatever it is doing); the next `get` starts another. */
  async discard(name: string): Promise<void> {
    const session = this.#live.get(name);
    this.#live.delete(name);
    this.#discarded.add(name);
    await session?.close().catch(() => undefined);
  }

  /** The runtime a target reported when its session last started. */
  runtime(name: string): RuntimeInfo {
    return this.#runtimes.get(name)!;
  }

  /** Every runtime seen so far, in start order. */
  runtimes(): RuntimeInfo[] {
    return [...this.#runtimes.values()];
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.#live.values()];
    this.#live.clear();
    await Promise.all(sessions.map((s) => s.close().catch(() => undefined)));
  }
}
