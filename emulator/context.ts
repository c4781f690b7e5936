import type { Caller } from './entities.js';
import type { Reply } from './jsonapi.js';
import type { Model } from './model.js';
import type { Platform } from './types.js';

/** What a route handler gets and returns; every resource route module imports this, and routes.ts composes them. */

export interface Settings {
  readonly platform: Platform;
  readonly tfeVersion: string;
  readonly multipleTeamTokens: boolean;
  readonly platformHeaders: boolean;
  /** true, or the status a server without the bulk team-token delete answers (404 or 405). */
  readonly bulkTeamTokenDelete: true | 404 | 405;
  /** false: the team-token list ignores filter[status] / filter[expiry_status], as an older server would. */
  readonly teamTokenStatusFilter: boolean;
  /** What team-workspaces and team-projects creates answer: the docs say 200, the OpenAPI description 201. */
  readonly grantStatus: 200 | 201;
  readonly now: () => number;
}

export interface Context {
  readonly model: Model;
  readonly settings: Settings;
  readonly caller: Caller;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The absolute request URL, for pagination links. */
  readonly url: URL;
  readonly body: string;
}

export type Handler = (context: Context) => Reply;

/** Method, path pattern under /api/v2 (`:name` segments become params) and handler. */
export type Route = readonly [method: string, pattern: string, handler: Handler];
