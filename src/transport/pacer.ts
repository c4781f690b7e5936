/**
 * How one step shares its credential's rate limit with every other job on it. Independent requests go out together,
 * but at most MAX_IN_FLIGHT at once: 8 is a quarter of HCP Terraform's 30 requests per second, so one step's burst
 * leaves most of the credential's second to other jobs, and it is enough to send a scoped create's look-ups and
 * grants (10 workspaces and 2 projects) in two rounds each. Once an answer has named X-RateLimit-Limit, the step
 * never sends more than that many requests in any second on its own; after a 429, nothing goes before its reset.
 */
export const MAX_IN_FLIGHT = 8;

/** X-RateLimit-Limit outside this range is not a limit this action paces itself by (an odd proxy, a typo). */
const MAX_TRUSTED_LIMIT = 100_000;
const SECOND_MS = 1000;

export interface PacerClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export class Pacer {
  readonly #clock: PacerClock;
  readonly #waiting: Array<() => void> = [];
  /** When each request of the last second was sent, oldest first. */
  readonly #sent: number[] = [];
  #inFlight = 0;
  #limit = Infinity;
  #notBefore = 0;

  constructor(clock: PacerClock) {
    this.#clock = clock;
  }

  /** Runs `send` once a slot is free and the limit allows; the slot is freed when it settles. */
  async run<T>(send: () => Promise<T>): Promise<T> {
    await this.#slot();
    try {
      await this.#turn();
      return await send();
    } finally {
      this.#free();
    }
  }

  /** Reads X-RateLimit-Limit from an answer; the lowest limit seen wins. */
  learnLimit(header: string | string[] | undefined): void {
    const value = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isInteger(value) && value > 0 && value <= MAX_TRUSTED_LIMIT) this.#limit = Math.min(this.#limit, value);
  }

  /** No request of this step is sent before `time` (epoch ms): the server's reset after a 429. */
  holdUntil(time: number): void {
    this.#notBefore = Math.max(this.#notBefore, time);
  }

  async #slot(): Promise<void> {
    if (this.#inFlight < MAX_IN_FLIGHT) {
      this.#inFlight++;
      return;
    }
    // The slot is handed over by #free, so the count stays as it is.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #free(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#inFlight--;
  }

  /** Waits until a reset has passed and fewer than the limit were sent in the last second, then counts this send. */
  async #turn(): Promise<void> {
    for (;;) {
      const now = this.#clock.now();
      while (this.#sent.length > 0 && (this.#sent[0] as number) <= now - SECOND_MS) this.#sent.shift();
      const paced = this.#sent.length >= this.#limit ? (this.#sent[0] as number) + SECOND_MS - now : 0;
      const wait = Math.max(this.#notBefore - now, paced);
      if (wait <= 0) {
        this.#sent.push(now);
        return;
      }
      await this.#clock.sleep(wait);
    }
  }
}
