import { performance } from 'node:perf_hooks';

/**
 * Fixed one-second windows per key (a principal, or the client IP when unauthenticated). Windows run on the real
 * monotonic clock, not the emulator's `now`, so a test that freezes or rewinds token time cannot stall them.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(readonly limit: number) {}

  /** Seconds until the window ends when `key` is over the limit; null when the request may go ahead. */
  take(key: string): number | null {
    if (this.limit <= 0) return null;
    const now = performance.now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= 1000) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count++;
    return window.count > this.limit ? (window.start + 1000 - now) / 1000 : null;
  }
}
