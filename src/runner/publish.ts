import type { ActionIo } from './io.js';
import { terraformTokenVariable } from '../common/hostname.js';
import type { MintedToken } from '../api/tfc/types.js';

/**
 * The only place secrets leave the action: masked first, then written to outputs or the environment.
 * Summaries and logs get metadata only.
 */
export class Publisher {
  readonly #masked = new Set<string>();

  constructor(private readonly io: ActionIo) {}

  /** Idempotent, so every path that handles a secret can mask it without repeating ::add-mask:: lines. */
  mask = (secret: string): void => {
    if (this.#masked.has(secret)) return;
    this.#masked.add(secret);
    this.io.setSecret(secret);
  };

  tokenOutputs(token: MintedToken): void {
    this.mask(token.secret);
    this.io.setOutput('token', token.secret);
    this.metadataOutputs(token);
  }

  metadataOutputs(token: Omit<MintedToken, 'secret'>): void {
    this.io.setOutput('token-id', token.id);
    this.io.setOutput('expired-at', token.expiredAt ?? '');
    this.io.setOutput('created-at', token.createdAt);
    this.io.setOutput('description', token.description ?? '');
    this.io.setOutput('team-id', token.teamId ?? '');
  }

  /** So later `terraform` steps authenticate to this host; Terraform CLI has no spelling for a port. */
  exportTerraformCredential(hostname: string, secret: string): void {
    const name = terraformTokenVariable(hostname);
    if (!name) {
      this.io.warning(
        `Not exporting TF_TOKEN_… for "${hostname}": Terraform CLI cannot name a host with a port in an ` +
          'environment variable. Use the token output instead.',
      );
      return;
    }
    this.mask(secret);
    this.io.exportVariable(name, secret);
    this.io.info(`Exported ${name} for later terraform steps.`);
  }

  /** A two-column summary of one operation: ids, names and dates only, never a secret. */
  summary(heading: string, rows: ReadonlyArray<readonly [string, string]>): Promise<void> {
    return this.io.writeSummary(heading, ['Field', 'Value'], rows);
  }

  table(heading: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): Promise<void> {
    return this.io.writeSummary(heading, header, rows);
  }
}
