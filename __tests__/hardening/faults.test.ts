import { test } from '@jest/globals';
import { expectFlowVerdict, REPRESENTATIVE_FLOW_CASES, runFlowCase } from './faults/flows.js';
import { CASES, expectVerdict, runCase } from './faults/suite.js';

// The same suites as `npm run test:faults`, one jest test per case; of the newer flows a representative third
// (see REPRESENTATIVE_FLOW_CASES), the whole matrix in `npm run test:faults`. The verdicts assert with `expect`.
test.concurrent.each(CASES.map((fault) => [fault.name, fault] as const))(
  '%s',
  async (_name, fault) => {
    expectVerdict(fault, await runCase(fault));
  },
  60_000,
);

test.concurrent.each(REPRESENTATIVE_FLOW_CASES.map((fault) => [fault.name, fault] as const))(
  '%s',
  async (_name, fault) => {
    expectFlowVerdict(fault, await runFlowCase(fault));
  },
  90_000,
);
