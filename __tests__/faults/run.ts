import { CASES, runCase, verdict, type FaultCase } from './suite.js';

/** `npm run test:faults`: one row per case, then `N passed, M failed`. */
const CONCURRENCY = 4;
const rows: Array<{ fault: FaultCase; observed: string; left: number; problems: string[] }> = [];
const queue = [...CASES];
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let fault = queue.shift(); fault; fault = queue.shift()) {
      const observed = await runCase(fault);
      rows.push({
        fault,
        observed: observed.fails ? `${observed.fails} fails: ${observed.message.slice(0, 90)}` : 'succeeds',
        left: observed.tokensLeft,
        problems: verdict(fault, observed),
      });
    }
  }),
);
rows.sort((a, b) => CASES.indexOf(a.fault) - CASES.indexOf(b.fault));
console.log('| case | expected | observed | tokens left | result |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
  const expected = row.fault.expected.fails
    ? `${row.fault.expected.fails} fails (${row.fault.expected.message?.source})`
    : 'succeeds';
  console.log(
    `| ${row.fault.name} | ${expected} | ${row.observed} | ${row.left} | ` +
      `${row.problems.length === 0 ? 'pass' : `FAIL: ${row.problems.join('; ')}`} |`,
  );
}
const failed = rows.filter((row) => row.problems.length > 0).length;
console.log(`${rows.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
