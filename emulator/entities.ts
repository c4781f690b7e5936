import type { Role, TokenKind } from './types.js';

/**
 * The shapes the model's stores and the routes share: teams, agent pools, tokens and the authenticated caller.
 * They live below model.ts so that the stores (scoping.ts, variables.ts) can name a Caller without importing the
 * model that holds them.
 */

export interface ResourceRef {
  readonly type: 'users' | 'teams' | 'organizations';
  readonly id: string;
}

export interface Team {
  readonly id: string;
  readonly organization: string;
  readonly name: string;
  readonly visibility: 'organization' | 'secret';
  readonly owners: boolean;
  readonly manageTeams: boolean;
  readonly allowMemberTokenManagement: boolean;
  /** The synthetic user its tokens authenticate as. */
  readonly serviceUser: string;
}

export interface AgentPool {
  readonly id: string;
  readonly organization: string;
  readonly name: string;
}

export interface Token {
  readonly id: string;
  readonly kind: TokenKind;
  readonly organization: string;
  readonly teamId: string | null;
  readonly agentPoolId: string | null;
  readonly description: string | null;
  readonly createdAt: number;
  readonly expiredAt: number | null;
  lastUsedAt: number | null;
  readonly secret: string;
  readonly createdBy: ResourceRef;
}

export interface Caller {
  readonly principal: string;
  readonly username: string;
  readonly organization: string;
  readonly role: Role;
  readonly teams: ReadonlySet<string>;
  /**
   * Whether the member rule (allow-member-token-management) applies. Team tokens get no such right: HashiCorp's
   * access table says a team token needs explicit permission (manage-teams) to manage team tokens.
   */
  readonly memberTokenManagement: boolean;
  /** The authenticated-resource of /account/details, and created-by of what it creates. */
  readonly resource: ResourceRef;
  /** The minted token used, if any (links.auth-token). */
  readonly token: Token | null;
}
