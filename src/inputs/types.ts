/** Types every mode's parser shares. */

export type TokenType = 'team' | 'organization' | 'audit-trail' | 'agent';
/** One token per organization; creating one revokes the current one. */
export type SingletonType = 'organization' | 'audit-trail';

export type { Connection } from '../runner/io.js';
