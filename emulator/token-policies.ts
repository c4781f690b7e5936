import { base62 } from './ids.js';
import type { TokenKind } from './types.js';

/** Organization token TTL policies (tfc-scoping-and-variables-api.md §9); token-policy-routes.ts serves them. */

/** The policy token types (OpenAPI enum; note audit_trails with an underscore). */
export type PolicyTokenType = 'organization' | 'team' | 'user' | 'audit_trails';
export const POLICY_TYPES: readonly PolicyTokenType[] = ['organization', 'team', 'user', 'audit_trails'];
/** The default every type keeps until changed: 730.5 days (go-tfe's integration test). */
export const DEFAULT_MAX_TTL_MS = 63_113_904_000;

export interface Policy {
  readonly id: string;
  readonly maxTtlMs: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export class TtlPolicies {
  /** organization → type → policy; an organization is in here once it has enabled maximum TTLs. */
  readonly #policies = new Map<string, Map<PolicyTokenType, Policy>>();

  set(organization: string, tokenType: PolicyTokenType, maxTtlMs: number, now: number): void {
    const policies = this.#policies.get(organization) ?? new Map<PolicyTokenType, Policy>();
    this.#policies.set(organization, policies);
    const current = policies.get(tokenType);
    policies.set(tokenType, {
      id: current?.id ?? `ttlp-${base62(16)}`,
      maxTtlMs,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    });
  }

  /** Every type's maximum, defaults included; null while the organization has no policy (max-ttl not enabled). */
  all(organization: string): Map<PolicyTokenType, Policy> | null {
    const policies = this.#policies.get(organization);
    if (!policies) return null;
    return new Map(
      POLICY_TYPES.map((type) => [
        type,
        policies.get(type) ?? { id: `ttlp-default-${type}`, maxTtlMs: DEFAULT_MAX_TTL_MS, createdAt: 0, updatedAt: 0 },
      ]),
    );
  }

  maxTtlMs(organization: string, kind: TokenKind): number | null {
    const type = policyType(kind);
    return type ? (this.all(organization)?.get(type)?.maxTtlMs ?? null) : null;
  }
}

export function policyType(kind: TokenKind): PolicyTokenType | null {
  if (kind === 'team' || kind === 'team-legacy') return 'team';
  if (kind === 'organization') return 'organization';
  if (kind === 'audit-trail') return 'audit_trails';
  return null;
}
