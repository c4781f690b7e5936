/** Types every mode's parser shares. */

export type TokenType = 'team' | 'organization' | 'audit-trail' | 'agent';
/** One token per organization; creating one revokes the current one. */
export type SingletonType = 'organization' | 'audit-trail';

export interface Connection {
  readonly hostname: string;
  readonly apiToken: string;
  readonly requestTimeoutMs: number;
  /** PEM text of the ca-certificate input: a CA trusted beside Node's roots; null when not given. */
  readonly caCertificate: string | null;
}
