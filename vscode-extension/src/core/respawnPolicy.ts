/** What to do when the link to the daemon ends, or when reconnecting to it found nobody. */
export type AfterLoss =
  /** The daemon went away unannounced (a crash, a kill): start a new one. */
  | { readonly kind: 'respawn' }
  /** It was stopped on purpose by someone else: look for the daemon that may replace it, start none. */
  | { readonly kind: 'reconnectOnly' }
  /** Leave it stopped until the user starts it. */
  | { readonly kind: 'wait'; readonly reason: string };

/**
 * Decides whether the extension starts a new daemon after losing one. A daemon that says it is stopping
 * (`daemon/health` SHUTTING_DOWN: `same daemon stop`, its idle timeout) was stopped by someone who meant it:
 * the extension looks for a replacement for `graceMillis` (`same daemon restart` starts one), then waits for
 * the user instead of undoing the stop. A stop the user asked for here waits at once. A daemon that vanishes unannounced is
 * started again, unless that happened `maxCrashes` times within `crashWindowMillis`: then it waits, and the
 * log says why. Time comes from `now`, so tests run it in virtual time.
 */
export class RespawnPolicy {
  private stopRequested = false;
  private announced: string | undefined;
  private lostAt = 0;
  private crashes: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly graceMillis = 15_000,
    private readonly maxCrashes = 3,
    private readonly crashWindowMillis = 10 * 60_000,
  ) {}

  /** The user asked, here, for the daemon to stop. */
  stopAsked(): void {
    this.stopRequested = true;
  }

  /** The daemon said it is stopping. */
  shutdownAnnounced(reason: string): void {
    this.announced = reason;
  }

  /** The user asked for a daemon (start, restart, reconnect): every earlier stop and crash is forgiven. */
  userStarted(): void {
    this.stopRequested = false;
    this.announced = undefined;
    this.crashes = [];
  }

  /** A handshake succeeded. */
  connected(): void {
    this.stopRequested = false;
    this.announced = undefined;
  }

  linkLost(): AfterLoss {
    if (this.stopRequested) {
      return { kind: 'wait', reason: 'the daemon was stopped from VS Code' };
    }
    if (this.announced !== undefined) {
      this.lostAt = this.now();
      return { kind: 'reconnectOnly' };
    }
    const now = this.now();
    this.crashes = [...this.crashes.filter((at) => now - at < this.crashWindowMillis), now];
    if (this.crashes.length >= this.maxCrashes) {
      return {
        kind: 'wait',
        reason: `the daemon stopped unexpectedly ${this.crashes.length} times in ${Math.round(this.crashWindowMillis / 60_000)} minutes (see its log)`,
      };
    }
    return { kind: 'respawn' };
  }

  /** Looking for a replacement (after `reconnectOnly`) found nobody listening. */
  nobodyListening(): AfterLoss {
    if (this.now() - this.lostAt >= this.graceMillis) {
      return { kind: 'wait', reason: this.announced ?? 'the daemon stopped' };
    }
    return { kind: 'reconnectOnly' };
  }
}
