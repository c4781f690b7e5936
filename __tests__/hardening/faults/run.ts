import { expectFlowVerdict, FLOW_CASES, runFlowCase } from './flows.js';
import { CASES, expectVerdict, runCase } from './suite.js';

/** `npm run test:faults`: every case of both suites, one row each, then `N passed, M failed`. */
const CONCURRENCY = 4;

interface Row {
  readonly name: string;
  readonly expected: string;
  readonly observed: string;
  readonly left: number;
  readonly problems: string[];
}

const jobs: Array<() => Promise<Row>> = [
  ...CASES.map((fault) => async (): Promise<Row> => {
    const observed = await runCase(fault);
    const expected = fault.expected.fails
      ? `${fault.expected.fails} fails (${fault.expected.message?.source})`
      : 'succeeds';
    return {
      name: fault.name,
      expected,
      observed: observed.fails ? `${observed.fails} fails: ${observed.message.slice(0, 90)}` : 'succeeds',
      left: observed.tokensLeft,
      problems: problemsOf(() => expectVerdict(fault, observed)),
    };
  }),
  ...FLOW_CASES.map((fault) => async (): Promise<Row> => {
    const observed = await runFlowCase(fault);
    const failed = observed.main.code !== 0 ? 'main' : observed.post.code !== 0 ? 'post' : null;
    return {
      name: fault.name,
      expected: 'succeeds',
      observed: failed ? `${failed} fails` : 'succeeds',
      left: observed.afterPost.tokens.length,
      problems: problemsOf(() => expectFlowVerdict(fault, observed)),
    };
  }),
];

/** The verdicts assert with `expect`; outside jest, the first failed assertion of a case is its problem. */
function problemsOf(check: () => void): string[] {
  try {
    check();
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // One table row: expect's message without colours, on one line.
    return [
      message
        .replace(/\u001b\[[0-9;]*m/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ];
  }
}

const rows: Row[] = new Array(jobs.length);
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let index = next++; index < jobs.length; index = next++) rows[index] = await jobs[index]!();
  }),
);
console.log('| case | expected | observed | tokens left | result |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
  const result = row.problems.length === 0 ? 'pass' : `FAIL: ${row.problems.join('; ')}`;
  console.log(`| ${row.name} | ${row.expected} | ${row.observed} | ${row.left} | ${result} |`);
}
const failed = rows.filter((row) => row.problems.length > 0).length;
console.log(`${rows.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
