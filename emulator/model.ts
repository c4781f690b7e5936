import type { AgentPool, Caller, Team, Token } from './entities.js';
import { iso, newId, newSecret } from './ids.js';
import { Scoping } from './scoping.js';
import { TtlPolicies } from './token-policies.js';
import type { CredentialOptions, Role, TeamOptions, TokenRecord } from './types.js';
import { VariableStore } from './variables.js';

/**
 * The emulator's in-memory world: organizations, teams, agent pools, credentials, tokens, and who may do what. It
 * holds the other stores (scoping.ts, variables.ts, token-policies.ts), which import nothing of it or of the routes.
 */

interface Credential {
  readonly organization: string;
  readonly role: Role;
  readonly teams: readonly string[];
  readonly principal: string;
}

export type Identity = { readonly caller: Caller } | { readonly unauthorized: string };

const MANAGERS: ReadonlySet<Role> = new Set(['owner', 'manage-teams', 'organization-token']);

export class Model {
  readonly #organizations = new Map<string, { serviceUser: string }>();
  readonly #teams = new Map<string, Team>();
  readonly #pools = new Map<string, AgentPool>();
  readonly #credentials = new Map<string, Credential>();
  /** In creation order; a replaced or deleted token is removed, which revokes its secret. */
  readonly #tokens = new Map<string, Token>();
  readonly #secrets = new Map<string, Token>();
  /** Every secret ever minted, revoked ones included, so tests can prove none of them leaked. */
  readonly #minted: string[] = [];
  readonly #now: () => number;
  /** Workspaces, variable sets and their variables. */
  readonly variables = new VariableStore();
  readonly ttlPolicies = new TtlPolicies();
  /** Workspaces, projects, access grants and entitlements (scoping.ts). */
  readonly scope = new Scoping();

  constructor(now: () => number) {
    this.#now = now;
  }

  addOrganization(name: string): void {
    if (this.#organizations.has(name)) throw new Error(`organization ${name} exists`);
    this.#organizations.set(name, { serviceUser: newId('user') });
  }

  addTeam(organization: string, name: string, options: TeamOptions = {}): string {
    this.#requireOrganization(organization);
    if (this.teamsOf(organization).some((team) => team.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`team ${name} exists in ${organization}`);
    }
    const id = options.id ?? newId('team');
    if (this.#teams.has(id)) throw new Error(`team id ${id} is taken`);
    this.#teams.set(id, {
      id,
      organization,
      name,
      visibility: options.visibility ?? 'organization',
      owners: options.owners ?? false,
      manageTeams: options.manageTeams ?? false,
      allowMemberTokenManagement: options.allowMemberTokenManagement ?? true,
      serviceUser: newId('user'),
    });
    return id;
  }

  /** Deleting a team revokes its tokens and removes its access grants. */
  deleteTeam(id: string): void {
    for (const token of this.tokens()) if (token.teamId === id) this.revoke(token);
    this.scope.forgetTeam(id);
    this.#teams.delete(id);
  }

  addAgentPool(organization: string, name: string): string {
    this.#requireOrganization(organization);
    const id = newId('apool');
    this.#pools.set(id, { id, organization, name });
    return id;
  }

  addCredential(options: CredentialOptions): string {
    this.#requireOrganization(options.organization);
    for (const id of options.teams ?? []) {
      if (this.#teams.get(id)?.organization !== options.organization)
        throw new Error(`no team ${id} in ${options.organization}`);
    }
    const secret = options.token ?? newSecret();
    if (this.#credentials.has(secret) || this.#secrets.has(secret)) throw new Error('that bearer secret is taken');
    this.#credentials.set(secret, {
      organization: options.organization,
      role: options.role,
      teams: options.teams ?? [],
      principal: options.user ?? newId('user'),
    });
    return secret;
  }

  hasOrganization(name: string): boolean {
    return this.#organizations.has(name);
  }

  team(id: string): Team | undefined {
    return this.#teams.get(id);
  }

  teamsOf(organization: string): Team[] {
    return [...this.#teams.values()].filter((team) => team.organization === organization);
  }

  pool(id: string): AgentPool | undefined {
    return this.#pools.get(id);
  }

  /** Users (seeded credentials) in the team; owners belong to the owners team. */
  members(team: Team): string[] {
    const users = [...this.#credentials.values()]
      .filter(
        (credential) =>
          credential.organization === team.organization && this.#teamsOfCredential(credential).has(team.id),
      )
      .map((credential) => credential.principal);
    return [...new Set(users)];
  }

  token(id: string): Token | undefined {
    return this.#tokens.get(id);
  }

  tokens(): Token[] {
    return [...this.#tokens.values()];
  }

  mint(fields: Omit<Token, 'id' | 'secret' | 'createdAt' | 'lastUsedAt'>): Token {
    const token: Token = { ...fields, id: newId('at'), secret: newSecret(), createdAt: this.#now(), lastUsedAt: null };
    this.#tokens.set(token.id, token);
    this.#secrets.set(token.secret, token);
    this.#minted.push(token.secret);
    return token;
  }

  mintedSecrets(): string[] {
    return [...this.#minted];
  }

  revoke(token: Token): void {
    this.#tokens.delete(token.id);
    this.#secrets.delete(token.secret);
  }

  /** Who a bearer secret is, without side effects (the request log names the principal even of faulted requests). */
  identify(secret: string | null): Identity {
    if (!secret) return { unauthorized: 'Authorization header with a bearer token is required.' };
    const credential = this.#credentials.get(secret);
    if (credential) return { caller: this.#seededCaller(credential) };
    const token = this.#secrets.get(secret);
    if (!token) return { unauthorized: 'The token is invalid or has been revoked.' };
    if (token.expiredAt !== null && token.expiredAt <= this.#now()) return { unauthorized: 'The token has expired.' };
    const caller = this.#tokenCaller(token);
    return caller ? { caller } : { unauthorized: `${token.kind} tokens cannot be used with this API.` };
  }

  canSeeTeam(caller: Caller, team: Team): boolean {
    if (team.organization !== caller.organization) return false;
    return MANAGERS.has(caller.role) || team.visibility === 'organization' || caller.teams.has(team.id);
  }

  canManageTeamTokens(caller: Caller, team: Team): boolean {
    if (team.organization !== caller.organization) return false;
    if (MANAGERS.has(caller.role)) return true;
    return caller.memberTokenManagement && team.allowMemberTokenManagement && caller.teams.has(team.id);
  }

  /** Organization-wide token work: listing team tokens, agent pools. */
  canManageOrganization(caller: Caller, organization: string): boolean {
    return caller.organization === organization && MANAGERS.has(caller.role);
  }

  /** "Only members of the owners team, the owners team API token, and the organization API token." */
  canManageOrganizationTokens(caller: Caller, organization: string): boolean {
    return caller.organization === organization && (caller.role === 'owner' || caller.role === 'organization-token');
  }

  snapshot(token: Token): TokenRecord {
    return {
      id: token.id,
      kind: token.kind,
      organization: token.organization,
      teamId: token.teamId,
      agentPoolId: token.agentPoolId,
      description: token.description,
      createdAt: iso(token.createdAt),
      expiredAt: token.expiredAt === null ? null : iso(token.expiredAt),
      lastUsedAt: token.lastUsedAt === null ? null : iso(token.lastUsedAt),
      secret: token.secret,
    };
  }

  #seededCaller(credential: Credential): Caller {
    const organizationToken = credential.role === 'organization-token';
    return {
      principal: credential.principal,
      username: credential.principal,
      organization: credential.organization,
      role: credential.role,
      teams: this.#teamsOfCredential(credential),
      memberTokenManagement: true,
      resource: organizationToken
        ? { type: 'organizations', id: credential.organization }
        : { type: 'users', id: credential.principal },
      token: null,
    };
  }

  #tokenCaller(token: Token): Caller | null {
    if (token.kind === 'user') return this.#userTokenCaller(token);
    const team = token.teamId === null ? undefined : this.#teams.get(token.teamId);
    if (team) {
      const role: Role = team.owners ? 'owner' : team.manageTeams ? 'manage-teams' : 'member';
      const base = { principal: team.serviceUser, username: `api-team_${team.name}`, organization: team.organization };
      return {
        ...base,
        role,
        teams: new Set([team.id]),
        memberTokenManagement: false,
        resource: { type: 'teams', id: team.id },
        token,
      };
    }
    if (token.kind !== 'organization') return null;
    return {
      principal: this.#requireOrganization(token.organization).serviceUser,
      username: `api-org-${token.organization}`,
      organization: token.organization,
      role: 'organization-token',
      teams: new Set(),
      memberTokenManagement: false,
      resource: { type: 'organizations', id: token.organization },
      token,
    };
  }

  /**
   * A user token acts with its user's permissions ([D-UT]); the emulator's users are its seeded user credentials.
   * Its user gone, it authenticates as nobody.
   */
  #userTokenCaller(token: Token): Caller | null {
    const user = [...this.#credentials.values()].find(
      (credential) => credential.role !== 'organization-token' && credential.principal === token.createdBy.id,
    );
    return user ? { ...this.#seededCaller(user), token } : null;
  }

  #teamsOfCredential(credential: Credential): Set<string> {
    const owners =
      credential.role === 'owner'
        ? this.teamsOf(credential.organization)
            .filter((team) => team.owners)
            .map((team) => team.id)
        : [];
    return new Set([...credential.teams, ...owners]);
  }

  #requireOrganization(name: string): { serviceUser: string } {
    const organization = this.#organizations.get(name);
    if (!organization) throw new Error(`no organization ${name}; call addOrganization first`);
    return organization;
  }
}
