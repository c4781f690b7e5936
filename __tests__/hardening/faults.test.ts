import { expect, test } from '@jest/globals';
import { flowVerdict, REPRESENTATIVE_FLOW_CASES, runFlowCase } from './faults/flows.js';
import { CASES, runCase, verdict } from './faults/suite.js';

// The same suites as `npm run test:faults`, one jest test per case; of the newer flows a representative third
// (see REPRESENTATIVE_FLOW_CASES), the whole matrix in `npm run test:faults`.
test.concurrent.each(CASES.map((fault) => [fault.name, fault] as const))(
  '%s',
  async (_name, fault) => {
    expect(verdict(fault, await runCase(fault))).toEqual([]);
  },
  60_000,
);

test.concurrent.each(REPRESENTATIVE_FLOW_CASES.map((fault) => [fault.name, fault] as const))(
  '%s',
  async (_name, fault) => {
    expect(flowVerdict(fault, await runFlowCase(fault))).toEqual([]);
  },
  90_000,
);
