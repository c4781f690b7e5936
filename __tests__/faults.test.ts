import { expect, test } from '@jest/globals';
import { CASES, runCase, verdict } from './faults/suite.js';

// The same suite as `npm run test:faults`, one jest test per case.
test.concurrent.each(CASES.map((fault) => [fault.name, fault] as const))(
  '%s',
  async (_name, fault) => {
    expect(verdict(fault, await runCase(fault))).toEqual([]);
  },
  60_000,
);
