import type { Context, Route } from './context.js';
import { iso } from './ids.js';
import { document, error, invalid, notFound, type Reply } from './jsonapi.js';
import { DEFAULT_MAX_TTL_MS, POLICY_TYPES, policyType, type Policy, type PolicyTokenType } from './token-policies.js';
import type { TokenKind } from './types.js';

/**
 * Routes for organization token TTL policies (tfc-scoping-and-variables-api.md §9) and the bulk team-token delete
 * (§8), and the policy's rule on token creates. Refusing a create beyond the maximum is this emulator's choice
 * (undocumented): a 422 whose detail names the expiry.
 */

/**
 * The expiry a create may have under the organization's policy, or a 422. An omitted expiry (null from the
 * default, which would be two years) is lowered to the maximum; an explicit one beyond it is refused.
 */
export function expiryUnderPolicy(
  context: Context,
  organization: string,
  kind: TokenKind,
  expiredAt: number | null,
  explicit: boolean,
): { expiredAt: number | null } | { reply: Reply } {
  const max = context.model.ttlPolicies.maxTtlMs(organization, kind);
  const now = context.settings.now();
  if (max === null) return { expiredAt };
  if (!explicit) return { expiredAt: Math.min(expiredAt ?? Number.POSITIVE_INFINITY, now + max) };
  if (expiredAt !== null && expiredAt - now <= max) return { expiredAt };
  const days = Math.floor(max / 86_400_000);
  return {
    reply: invalid(
      `Expired at exceeds the maximum lifetime of ${days} days the organization allows for ${policyType(kind)} tokens`,
      'expired-at',
    ),
  };
}

export const POLICY_ROUTES: readonly Route[] = [
  ['GET', '/organizations/:organization/token-ttl-policies', listPolicies],
  ['DELETE', '/organizations/:organization/team-tokens', bulkDeleteTeamTokens],
];

/** Owners only: everyone else (the organization token too, which the docs leave open) gets the documented 403. */
function listPolicies({ model, caller, params, settings }: Context): Reply {
  const organization = params['organization']!;
  if (!model.hasOrganization(organization) || caller.organization !== organization) return notFound();
  if (caller.role !== 'owner') return error(403, 'forbidden', 'User is not part of the owners team');
  const policies =
    model.ttlPolicies.all(organization) ??
    new Map<PolicyTokenType, Policy>(
      POLICY_TYPES.map((type) => [
        type,
        { id: `ttlp-default-${type}`, maxTtlMs: DEFAULT_MAX_TTL_MS, createdAt: 0, updatedAt: 0 },
      ]),
    );
  const now = settings.now();
  return document(200, {
    data: [...policies].map(([type, policy]) => ({
      id: policy.id,
      type: 'organization-token-ttl-policies',
      attributes: {
        'token-type': type,
        'max-ttl-ms': policy.maxTtlMs,
        'created-at': iso(policy.createdAt || now),
        'updated-at': iso(policy.updatedAt || now),
      },
    })),
  });
}

/**
 * Deletes the listed team tokens of the organization. Ids that are unknown, already gone or not a team token of
 * this organization are skipped (the docs leave this open; skipping makes a repeated batch harmless). Servers
 * without the endpoint answer 404 or 405 (the `bulkTeamTokenDelete` setting).
 */
function bulkDeleteTeamTokens({ model, caller, params, settings, body }: Context): Reply {
  if (settings.bulkTeamTokenDelete === 404) return notFound();
  if (settings.bulkTeamTokenDelete === 405) return error(405, 'method not allowed');
  const organization = params['organization']!;
  if (!model.hasOrganization(organization) || caller.organization !== organization) return notFound();
  if (!model.canManageOrganization(caller, organization))
    return error(403, 'forbidden', 'not authorized to delete team tokens');
  const ids = bulkIds(body);
  if (ids === null)
    return error(422, 'invalid attributes', 'The body must be a list of authentication-tokens resources.');
  for (const id of ids) {
    const token = model.token(id);
    if (token && token.organization === organization && (token.kind === 'team' || token.kind === 'team-legacy'))
      model.revoke(token);
  }
  return { status: 204, headers: {}, body: '' };
}

function bulkIds(body: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const data = (parsed as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length === 0) return null;
  const ids = data.map((item: { type?: unknown; id?: unknown } | null) =>
    item?.type === 'authentication-tokens' && typeof item.id === 'string' ? item.id : null,
  );
  return ids.every((id) => id !== null) ? (ids as string[]) : null;
}
