import { FLOW_CASES, flowVerdict, runFlowCase } from './flows.js';
import { CASES, runCase, verdict } from './suite.js';

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
      problems: verdict(fault, observed),
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
      problems: flowVerdict(fault, observed),
    };
  }),
];

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
