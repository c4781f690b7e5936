import { rateLimitWaitMs } from '../src/transport/retry.js';

/**
 * `npm run bench:sim`: how the retry policy's 429 waits drain a burst, simulated against the emulator's rate limit
 * (fixed one-second windows, each opened by the first request after the last one ended). No processes and no
 * network, so a window can be re-tuned in seconds; `npm run bench` section 5 measures the real thing. Each job
 * sends one request, the way a main step creates and a post step deletes; the figures are one phase of a burst.
 */

interface Scenario {
  readonly jobs: number;
  readonly limit: number;
  /** The first requests arrive spread over this long (process start-up; 2.7 s measured in the benchmark). */
  readonly startSpreadS: number;
}

interface Job {
  at: number;
  rateLimited: number;
}

const SCENARIOS: readonly Scenario[] = [
  { jobs: 100, limit: 3, startSpreadS: 2.7 },
  { jobs: 20, limit: 3, startSpreadS: 1 },
  { jobs: 1000, limit: 30, startSpreadS: 3 },
];
const RUNS = 40;

/** One phase: when its last request was served (seconds from the first) and how many 429s it met. */
function phase(scenario: Scenario, random: () => number): { drainS: number; rateLimited: number } {
  const jobs: Job[] = Array.from({ length: scenario.jobs }, () => ({
    at: random() * scenario.startSpreadS,
    rateLimited: 0,
  }));
  let windowStart = -Infinity;
  let served = 0;
  let rateLimited = 0;
  let lastServed = 0;
  while (jobs.length > 0) {
    const job = earliest(jobs);
    if (job.at - windowStart >= 1) [windowStart, served] = [job.at, 0];
    if (++served <= scenario.limit) {
      lastServed = job.at;
      jobs.splice(jobs.indexOf(job), 1);
      continue;
    }
    rateLimited++;
    job.rateLimited++;
    job.at += waitS(windowStart + 1 - job.at, job.rateLimited, random);
  }
  return { drainS: lastServed, rateLimited };
}

function earliest(jobs: readonly Job[]): Job {
  return jobs.reduce((first, job) => (job.at < first.at ? job : first));
}

function waitS(resetS: number, rateLimited: number, random: () => number): number {
  const outcome = { rateLimitReset: resetS.toFixed(3) };
  return rateLimitWaitMs(outcome, { rateLimited }, { now: () => 0, random }) / 1000;
}

/** A seeded generator, so two runs of the simulation print the same figures. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16_807) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

function report(scenario: Scenario): string {
  const random = seeded(7);
  let drainS = 0;
  let rateLimited = 0;
  for (let run = 0; run < RUNS; run++) {
    const result = phase(scenario, random);
    drainS += result.drainS / RUNS;
    rateLimited += result.rateLimited / RUNS;
  }
  const floorS = scenario.jobs / scenario.limit;
  return (
    `| ${scenario.jobs} | ${scenario.limit}/s | ${floorS.toFixed(1)} s | ${drainS.toFixed(1)} s | ` +
    `**${(drainS / floorS).toFixed(2)}** | ${(rateLimited / scenario.jobs).toFixed(2)} |`
  );
}

console.log(`One phase of a burst, simulated (${RUNS} runs each, the retry policy of src/transport/retry.ts)\n`);
console.log('| jobs | limit | floor | last served | / floor | 429s per job |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const scenario of SCENARIOS) console.log(report(scenario));
