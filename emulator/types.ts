/** The emulator's public types; `server.ts` re-exports them. */

export type Platform = 'hcp' | 'tfe';

export interface EmulatorOptions {
  /**
   * The server's key and certificate (PEM). Without them the emulator makes a throwaway CA of its own (its `ownTls`,
   * whose CA certificate clients must trust) and close() removes that CA's temporary folder.
   */
  tls?: { key: string; cert: string };
  /** Default 'hcp'. */
  platform?: Platform;
  /** For 'tfe', e.g. '1.1.0' (default '2.0.0'); sent as X-TFE-Current-Version on every answer of the API. */
  tfeVersion?: string;
  /** Default true; false = TFE before 1.1.0: POST /teams/:id/authentication-tokens answers 404. */
  multipleTeamTokens?: boolean;
  /**
   * Default true: every answer names the platform (TFP-AppName, and X-TFE-Current-Version on 'tfe'). false = a TFE
   * too old to name itself ("not all TFE releases include this header"; no version header before v202208-3).
   */
  platformHeaders?: boolean;
  /** Default true; 404 or 405 = a server without DELETE /organizations/:org/team-tokens (older TFE). */
  bulkTeamTokenDelete?: true | 404 | 405;
  /** Default true; false = the team-token list ignores its status filter, as an older server would. */
  teamTokenStatusFilter?: boolean;
  /** Status of a successful team-workspaces / team-projects create: 200 (the docs, default) or 201 (OpenAPI). */
  grantStatus?: 200 | 201;
  /** Requests per second per principal, default 30; 0 disables. */
  rateLimit?: number;
  /** The clock (ms) for token timestamps and expiry, default Date.now. */
  now?: () => number;
}

export type TokenKind = 'team' | 'team-legacy' | 'organization' | 'audit-trail' | 'agent' | 'user';

/** A snapshot of one token, for assertions. */
export interface TokenRecord {
  id: string;
  kind: TokenKind;
  organization: string;
  teamId: string | null;
  agentPoolId: string | null;
  description: string | null;
  createdAt: string;
  expiredAt: string | null;
  lastUsedAt: string | null;
  secret: string;
}

export interface RequestRecord {
  method: string;
  /** Including /api/v2. */
  path: string;
  /** Without '?'; '' if none. */
  query: string;
  /** null when no response was sent (reset, hang). */
  status: number | null;
  fault: string | null;
  /** Who the bearer authenticated as, if valid. */
  principal: string | null;
  at: number;
  /** When it arrived, on the monotonic clock the rate limiter uses (ms). */
  receivedMs: number;
  /** A digest of method, path, query, credential and body: the same request sent again has the same one. */
  fingerprint: string;
  /** The X-RateLimit-Reset a 429 answer carried (seconds), else null. */
  rateLimitReset: number | null;
}

export type FaultKind =
  /** `body` may be made when the request arrives (text that echoes a secret handed out earlier in the step). */
  | {
      kind: 'status';
      status: number;
      body?: string | (() => string);
      contentType?: string;
      headers?: Record<string, string>;
    }
  | { kind: 'rate-limit'; resetSeconds: number }
  | { kind: 'reset-before' }
  | { kind: 'reset-after' }
  | { kind: 'status-after'; status: number; body?: string; contentType?: string }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'non-json' }
  | { kind: 'redirect'; location: string; status?: number }
  /** Acts, then never answers: a client killed (or timing out) after the server committed. */
  | { kind: 'hang-after' }
  /** Acts, then sends the real head and drips the body one byte a second. */
  | { kind: 'drip' }
  /** Answers 200 with a JSON content type and a body of this many bytes, streamed until the client goes away. */
  | { kind: 'oversized'; bytes: number }
  /** Acts, then rewrites the JSON answer (a hostile or broken server); the status may change too. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reshape any answer freely
  | { kind: 'rewrite'; rewrite: (body: any, status: number) => { body: unknown; status?: number } };

export interface Fault {
  /** Any method when absent. */
  method?: string;
  /** Matched against the path including /api/v2 (a string must be equal); any path when absent. */
  path?: string | RegExp;
  /** How many matching requests get it, default 1 (Infinity allowed). */
  times?: number;
  /** Let this many matching requests through first, default 0. */
  skip?: number;
  fault: FaultKind;
}

export type Role = 'owner' | 'manage-teams' | 'member' | 'organization-token';

export interface TeamOptions {
  id?: string;
  visibility?: 'organization' | 'secret';
  owners?: boolean;
  manageTeams?: boolean;
  allowMemberTokenManagement?: boolean;
}

export interface CredentialOptions {
  organization: string;
  role: Role;
  /** Ids of the teams the user belongs to. */
  teams?: string[];
  /** The bearer secret to accept; a fresh one by default. */
  token?: string;
  /** The principal (rate limits are per principal); a fresh user per credential by default. */
  user?: string;
}
