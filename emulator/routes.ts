import type { Handler, Route } from './context.js';
import { SCOPING_ROUTES } from './scoping-routes.js';
import { POLICY_ROUTES } from './token-policy-routes.js';
import { TOKEN_ROUTES } from './token-routes.js';
import { VARIABLE_ROUTES } from './variable-routes.js';

/**
 * Every authenticated route under /api/v2 (ping, which needs no credential, is served by the emulator itself), composed
 * here from the resource route modules, which import nothing of this file. The order matters where two modules serve
 * one path: see findRoute.
 */
const ROUTES: readonly Route[] = [...TOKEN_ROUTES, ...SCOPING_ROUTES, ...VARIABLE_ROUTES, ...POLICY_ROUTES];

/**
 * Two resource modules may serve one path (a workspace is shown by scoping-routes.ts, which honours team grants,
 * and by variable-routes.ts, which honours variable writers): the first whose rules find the resource answers.
 */
export function findRoute(method: string, path: string): { handler: Handler; params: Record<string, string> } | null {
  if (!path.startsWith('/api/v2/')) return null;
  const segments = path.slice('/api/v2'.length).split('/');
  const matches: Array<{ handler: Handler; params: Record<string, string> }> = [];
  for (const [routeMethod, pattern, handler] of ROUTES) {
    const params = matchSegments(pattern.split('/'), segments);
    if (routeMethod === method && params) matches.push({ handler, params });
  }
  const [first, ...others] = matches;
  if (!first || others.length === 0) return first ?? null;
  const handler: Handler = (context) => {
    let reply = first.handler({ ...context, params: first.params });
    for (const other of others) if (reply.status === 404) reply = other.handler({ ...context, params: other.params });
    return reply;
  };
  return { handler, params: first.params };
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = decodeSegment(segments[index] ?? '');
    if (segment === null) return null;
    if (part.startsWith(':') && segment) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
