import { describe, expect, test } from '@jest/globals';
import { defaultDescription, defaultRotationDescription, DESCRIPTION_PREFIX } from '../../../src/inputs/rules.js';

const run = { repository: 'octo-org/infra', runId: '9', runAttempt: '3', job: 'deploy app', workflow: 'nightly' };

describe('descriptions', () => {
  test('per-job: prefix, repository, run and attempt, job (each create appends its nonce)', () => {
    expect(defaultDescription(run)).toBe(`${DESCRIPTION_PREFIX} octo-org/infra run-9-3 job-deploy-app`);
  });

  test('rotation: stable per repository and workflow, and never starts with the per-job prefix', () => {
    expect(defaultRotationDescription(run)).toBe('gha-tfc-rotate octo-org/infra nightly');
    expect(defaultRotationDescription(run).startsWith(`${DESCRIPTION_PREFIX} `)).toBe(false);
  });
});
