import * as tls from 'node:tls';

/** Verification failed because no trusted certificate issued the server's chain: a private or corporate CA. */
const UNKNOWN_ISSUER =
  /^(UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)\b/;

/** What else a refused certificate says, in words. */
const REASONS: Readonly<Record<string, string>> = {
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another host name',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
};

export interface TrustOptions {
  /** PEM text of the ca-certificate input: trusted beside Node's roots, and the machine's store is then not read. */
  readonly ca?: string | null;
  /** Says which store verified a host when Node's own roots did not. */
  readonly notice?: (message: string) => void;
  /** The machine's trust store; null where Node cannot read it (before 22.15). Tests hand in their own. */
  readonly machineStore?: () => readonly string[] | null;
}

type CaList = (kind: 'default' | 'system') => string[];
/** Node 22.15 and later; 'default' is the bundled roots plus NODE_EXTRA_CA_CERTS. */
const getCACertificates = (tls as { getCACertificates?: CaList }).getCACertificates;

function nodeDefaults(): readonly string[] {
  return getCACertificates?.('default') ?? tls.rootCertificates;
}

function systemStore(): readonly string[] | null {
  return getCACertificates?.('system') ?? null;
}

/**
 * Which CAs verify servers for a whole step. By default Node's own: the bundled roots and NODE_EXTRA_CA_CERTS, with
 * nothing read or built, so the per-job path costs nothing extra. When a server's issuer is unknown to them (a
 * corporate CA, a TLS-inspecting proxy), the machine's store is added once, for the rest of the step; an explicit
 * ca-certificate input is added from the start instead. An explicit CA list replaces Node's, so every list here is
 * complete: Node's defaults plus the addition.
 */
export class TlsTrust {
  readonly #options: TrustOptions;
  #context: tls.SecureContext | undefined;
  #machine: 'unread' | 'added' | 'unavailable' = 'unread';
  readonly #noticed = new Set<string>();

  constructor(options: TrustOptions = {}) {
    this.#options = options;
    if (options.ca) this.#context = tls.createSecureContext({ ca: [...nodeDefaults(), options.ca] });
  }

  /** For new connections; undefined means Node's own roots. */
  get context(): tls.SecureContext | undefined {
    return this.#context;
  }

  /**
   * After `code` with the trust `used`: whether to try that connection again, now with the machine's store, which is
   * read the first time only. Only an unknown issuer under Node's own roots qualifies; nothing was sent.
   */
  widenAfter(code: string, used: tls.SecureContext | undefined): boolean {
    if (!UNKNOWN_ISSUER.test(code) || used !== undefined || this.#options.ca) return false;
    if (this.#machine === 'unread') this.#addMachineStore();
    return this.#machine === 'added';
  }

  /** The retried connection succeeded: one notice per host naming the store that verified it. */
  verifiedByMachine(host: string): void {
    if (this.#noticed.has(host)) return;
    this.#noticed.add(host);
    this.#options.notice?.(
      `The TLS certificate of ${host} was verified with this machine's trust store (Node's bundled roots do not ` +
        'know its issuer); the step trusts that store from now on.',
    );
  }

  /** Why a certificate was refused, and what to do about it, for an error message. */
  refusal(code: string): string {
    const refused = "the server's TLS certificate was refused";
    if (!UNKNOWN_ISSUER.test(code)) {
      const reason = Object.entries(REASONS).find(([name]) => code.startsWith(name))?.[1];
      return reason ? `${refused}: ${reason}` : refused;
    }
    if (this.#options.ca) return `${refused}: neither the ca-certificate input nor Node's bundled roots issued it`;
    const stores = this.#machine === 'added' ? "Node's bundled roots nor this machine's trust store" : null;
    const unknown = stores ? `neither ${stores} know its issuer` : "Node's bundled roots do not know its issuer";
    return `${refused}: ${unknown}; for a private CA set the ca-certificate input`;
  }

  #addMachineStore(): void {
    const store = (this.#options.machineStore ?? systemStore)();
    if (!store) {
      this.#machine = 'unavailable';
      return;
    }
    this.#context = tls.createSecureContext({ ca: [...nodeDefaults(), ...store] });
    this.#machine = 'added';
  }
}
