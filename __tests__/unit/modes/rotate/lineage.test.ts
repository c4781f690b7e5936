import { describe, expect, test } from '@jest/globals';
import type { Token } from '../../../../src/api/tfc/types.js';
import { withNonce } from '../../../../src/tokens/context.js';
import { classify, markOf, revocationPlan, rotationDescription } from '../../../../src/modes/rotate/lineage.js';

const token = (id: string, minute: number, description = ''): Token => ({
  id,
  description,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  expiredAt: null,
  lastUsedAt: null,
  teamId: 'team-a',
});
const ids = (tokens: readonly Token[]) => tokens.map((t) => t.id);

describe('destination marks', () => {
  test('one per destination, whatever the order of a set', () => {
    expect(markOf(['a', 'b'])).toBe(markOf(['b', 'a']));
    expect(markOf(['repo one'])).not.toBe(markOf(['repo two']));
    expect(markOf(['x'])).toMatch(/^dest-[0-9a-f]{12}$/);
  });

  test('classify: this mark is ours, another mark is not, the old form is unmarked', () => {
    const base = 'gha-tfc-rotate o/r wf';
    const mine = markOf(['mine']);
    const nonce = '0123456789abcdef';
    const tokens = [
      token('at-ours', 1, withNonce(rotationDescription(base, mine, 0), nonce)),
      token('at-other', 2, withNonce(rotationDescription(base, markOf(['other']), 0), nonce)),
      token('at-old', 3, `${base} 2026-01-01T00:00:00.000Z ${nonce}`),
      token('at-per-job', 4, `gha-tfc-token o/r run-1-1 job-x ${nonce}`),
      token('at-longer-base', 5, withNonce(rotationDescription(`${base} x`, mine, 0), nonce)),
    ];
    const { ours, unmarked } = classify(tokens, base, mine);
    expect(ids(ours)).toEqual(['at-ours']);
    expect(ids(unmarked)).toEqual(['at-old']);
  });
});

describe('revocation plan', () => {
  const t1 = token('at-1', 1);
  const t2 = token('at-2', 2);
  const t3 = token('at-3', 3);
  const t4 = token('at-4', 4);

  test('only tokens created before the written one; keep-previous keeps the newest of them', () => {
    expect(ids(revocationPlan([t1, t2, t3, t4], t3, 0, null).revoke)).toEqual(['at-2', 'at-1']);
    expect(ids(revocationPlan([t1, t2, t3, t4], t3, 1, null).revoke)).toEqual(['at-1']);
    expect(ids(revocationPlan([t1, t2, t3, t4], t3, 0, null).spared)).toEqual(['at-4']);
  });

  test('the credential in use bounds what goes (newer ones may be another run in flight) and goes last', () => {
    const plan = revocationPlan([t1, t2, t3, t4], t4, 0, 'at-2');
    expect(ids(plan.revoke)).toEqual(['at-1', 'at-2']);
    expect(ids(plan.spared)).toEqual(['at-3']);
  });

  test('an unreadable creation time is never revoked', () => {
    const odd = { ...t1, id: 'at-odd', createdAt: 'yesterday' };
    expect(ids(revocationPlan([odd, t2, t3], t3, 0, null).revoke)).toEqual(['at-2']);
  });
});
