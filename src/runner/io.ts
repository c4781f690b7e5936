import type { TfcClient } from '../api/tfc/client.js';
import type { MintedToken } from '../api/tfc/types.js';
import type { Transport } from '../transport/transport.js';

// What the action says to the runner, and hears from it: inputs, printing (every line guarded), outputs and masks,
// and the step's dependencies, which load @actions/core and the HTTP stack only once the inputs are good.

/** The runner surface the action uses; tests and other runners can supply their own. */
export interface ActionIo {
  getState(name: string): string;
  saveState(name: string, value: string): void;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** A heading and a table (header row first) appended to the job summary. */
  writeSummary(heading: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): Promise<void>;
}

/** Where a step's requests go: what the connection inputs name. */
export interface Connection {
  readonly hostname: string;
  readonly apiToken: string;
  readonly requestTimeoutMs: number;
  /** PEM text of the ca-certificate input: a CA trusted beside Node's roots; null when not given. */
  readonly caCertificate: string | null;
}

/** Everything a step takes from the outside world, so tests can hand in their own. */
export interface Dependencies {
  /** Scrubs secrets from, and escapes, everything printed; the one place a step fails. */
  readonly io: GuardedIo;
  readonly env: StepEnv;
  readonly now: () => number;
  readonly randomHex: () => string;
  /** `deadline`: when the step's time budget ends (epoch ms). */
  readonly connect: (connection: Connection & { readonly deadline?: number }) => TfcClient;
  /** A transport for another API (GitHub), with the step's TLS trust. */
  readonly transport: (connection: Connection) => Transport;
}

/** "eager" keeps these in the bundle's one file; they are still evaluated only when a step calls this. */
export async function runnerDependencies(): Promise<Dependencies> {
  const [core, { TfcClient }, { stepTransports }] = await Promise.all([
    import(/* webpackMode: "eager" */ '@actions/core'),
    import(/* webpackMode: "eager" */ '../api/tfc/client.js'),
    import(/* webpackMode: "eager" */ '../transport/transport.js'),
  ]);
  const io = guardIo(coreIo(core), (message) => core.setFailed(message));
  const transports = stepTransports((message) => io.notice(message));
  const transport = (connection: Connection) => transports(connection.requestTimeoutMs, connection.caCertificate);
  const log = { log: (message: string) => io.info(message), warn: (message: string) => io.warning(message) };
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const clock = { sleep, now: Date.now, random: Math.random };
  const connect: Dependencies['connect'] = (connection) =>
    new TfcClient({ ...connection, ...clock, ...log, transport: transport(connection) });
  return { io, env: process.env, now: Date.now, randomHex, transport, connect };
}

/** 16 hex digits from the secure random source; Web Crypto is a global, so the input check loads nothing for it. */
export function randomHex(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}

/** The runner surface through @actions/core (loaded by runnerDependencies alone, so only a good input loads it). */
function coreIo(core: typeof import('@actions/core')): ActionIo {
  // @actions/core's functions use no `this`: they are handed over as they are.
  const { getState, saveState, setSecret, setOutput, exportVariable, info, notice, warning, debug } = core;
  return {
    ...{ getState, saveState, setSecret, setOutput, exportVariable, info, notice, warning, debug },
    async writeSummary(heading, header, rows) {
      // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write; that is not an error.
      if (!process.env['GITHUB_STEP_SUMMARY']) return;
      await core.summary
        .addHeading(heading, 3)
        .addTable([header.map((data) => ({ data, header: true })), ...rows.map((row) => [...row])])
        .write();
    },
  };
}

/** The environment a step runs in, as the runner hands it over. */
export type StepEnv = Readonly<Record<string, string | undefined>>;

/**
 * Reads an input as the runner passes it: `INPUT_<NAME>` (spaces become underscores, upper-cased, dashes kept),
 * trimmed, '' when unset, as @actions/core's getInput does. Reading it directly lets a step check its inputs before
 * @actions/core and the rest of the action are loaded (see main.ts).
 */
export function runnerInput(env: StepEnv): (name: string) => string {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * C0 and C1 controls, DEL, and the Unicode line and paragraph separators: in server text, any of them could start a
 * workflow command (`::set-output…`) on a line of its own. The runner also reads `##[name]data` anywhere in a line.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One printable line: each control character becomes a visible escape, so nothing can start a new line. */
export function printable(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `printable`, with both workflow-command forms defused: every `##[` becomes `##\[` (the runner looks for `##[`
 * anywhere in a line; the escape keeps it readable and cannot make a new one), and a line that starts with `::`
 * gets a leading `'`.
 */
export function safeLine(text: string): string {
  const line = printable(text).replace(/##\[/g, '##\\[');
  return /^\s*::/.test(line) ? `'${line}` : line;
}

/** A number and its noun, singular for exactly one: "1 hour", "2 hours", "0 tokens". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The end of a "Created …" line: when the token expires, or that it never does. */
export function expiresClause(expiredAt: string | null): string {
  return expiredAt ? `it expires at ${expiredAt}` : 'it never expires';
}

/** The longest line the action prints: room for its own words around a few server error details. */
export const MAX_LINE = 2_000;
const KEPT_TAIL = 400;

/**
 * The one cut of printed text, made only after secrets are scrubbed (see guardedLine): a fragment of a secret cut
 * in half would no longer be recognised. A long line keeps its head and its tail (where the action's own advice
 * usually is) and says how much was left out between them.
 */
export function clip(text: string, max = MAX_LINE): string {
  if (text.length <= max) return text;
  const marker = ` … [${text.length - max} characters left out] … `;
  const tail = Math.min(KEPT_TAIL, Math.floor(max / 4));
  return `${text.slice(0, Math.max(max - tail - marker.length, 0))}${marker}${text.slice(text.length - tail)}`;
}

/**
 * The variable Terraform CLI reads credentials from: `.` becomes `_` and `-` becomes `__`.
 * Returns null for a host with a port, which the CLI's naming scheme cannot express.
 */
export function terraformTokenVariable(hostname: string): string | null {
  if (hostname.includes(':')) return null;
  return `TF_TOKEN_${hostname.replace(/-/g, '__').replace(/\./g, '_')}`;
}

/**
 * Every form in which a known secret could appear in text the server sends back (an error detail echoing the
 * request, say): raw, URL-encoded, JSON-escaped and base64 (standard and URL-safe, of the secret and of the
 * `Bearer` header that carries it). The runner masks only the raw form.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  for (const text of [secret, `Bearer ${secret}`]) {
    // The whole encoding first (so no tail survives), then the alignment-independent middles.
    const whole = Buffer.from(text).toString('base64');
    forms.add(whole).add(Buffer.from(text).toString('base64url'));
    for (let shift = 0; shift < 3; shift++) {
      // base64 of the text at each byte alignment; only the middle is independent of the neighbouring bytes.
      const encoded = Buffer.from('\0'.repeat(shift) + text).toString('base64');
      const stable = encoded.slice(shift === 0 ? 0 : 4, -4);
      if (stable.length >= 8) forms.add(stable).add(stable.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms];
}

/** Secrets shorter than this are left to the runner's mask: scrubbing them would shred ordinary words. */
const MIN_SCRUBBED_LENGTH = 8;

/** Replaces every known secret, in every form, with `***`. */
export class SecretScrubber {
  /** Longest first, so a form that contains another is replaced whole. */
  #forms: string[] = [];

  add(secret: string): void {
    if (secret.length < MIN_SCRUBBED_LENGTH) return;
    const forms = new Set([...this.#forms, ...secretForms(secret)]);
    this.#forms = [...forms].sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    return this.#forms.reduce((result, form) => result.split(form).join('***'), text);
  }
}

/**
 * The one way a text becomes a printed line, for every path (log, annotations, failure, summary, the bad-input
 * report): scrub every known secret first, then defuse both workflow-command forms, and only then cut it, so a cut
 * can never leave a fragment of a secret the scrubber would have recognised whole.
 */
export function guardedLine(scrubber: SecretScrubber, text: string): string {
  return clip(safeLine(scrubber.scrub(text)));
}

/**
 * The runner surface with every printed word made safe: secrets scrubbed, control characters escaped and both
 * workflow-command forms defused (no server text can start a command), long lines cut after that, and summary cells
 * escaped for HTML and Markdown.
 */
export interface GuardedIo extends ActionIo {
  /** Fails the step with one scrubbed, single-line message. */
  fail(message: string): void;
}

export function guardIo(io: ActionIo, fail: (message: string) => void, scrubber = new SecretScrubber()): GuardedIo {
  const say = (text: string) => guardedLine(scrubber, text);
  return {
    ...io,
    // The state is read back by the post step and kept with the job: no secret in it, in any form.
    saveState: (name, value) => io.saveState(name, scrubber.scrub(value)),
    setSecret(value) {
      scrubber.add(value);
      io.setSecret(value);
    },
    info: (message) => io.info(say(message)),
    notice: (message) => io.notice(say(message)),
    warning: (message) => io.warning(say(message)),
    debug: (message) => io.debug(say(message)),
    fail: (message) => fail(say(message)),
    writeSummary: (heading, header, rows) =>
      io.writeSummary(
        cell(say(heading)),
        header.map((text) => cell(say(text))),
        rows.map((row) => row.map((text) => cell(say(text)))),
      ),
  };
}

/**
 * The summary is HTML that GitHub also reads as Markdown: the characters that open a tag, an entity, emphasis, code,
 * a link or a table cell become entities, so a description like `</td></tr></table>` or `[x](javascript:…)` stays
 * text. (Control characters are already escaped, so no cell can hold the blank line that would end the HTML block.)
 */
export function cell(text: string): string {
  return text.replace(/[&<>"'`*_[\]|\\~]/g, (character) => `&#${character.charCodeAt(0)};`);
}

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
