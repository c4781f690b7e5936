import type { ActionIo } from './io.js';
import { clip, safeLine } from '../common/text.js';

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
