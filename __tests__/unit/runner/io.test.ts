import { describe, expect, test } from '@jest/globals';
import {
  cell,
  guardIo,
  SecretScrubber,
  MAX_LINE,
  safeLine,
  count,
  expiresClause,
  Publisher,
} from '../../../src/runner/io.js';
import { fakeIo } from '../../support/fakes/fake-io.js';
import { lifetimeLabel } from '../../../src/tokens/lifetime-policy.js';
import { leftBehindHint } from '../../../src/state/ledger.js';
import type { CleanupRecord } from '../../../src/state/ledger.js';

const SECRET = 'QnbSxjjhVMHJgw.atlasv1.Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9maXNo';

/** A secret whose URL-encoded and JSON-escaped forms differ from the raw one. */
const ODD = 'Qnb+Sx/jj=hV"M\\HJgw.atlasv1.Zm9vYmFyYmF6cXV4';

describe('SecretScrubber', () => {
  const scrubber = new SecretScrubber();
  scrubber.add(SECRET);
  scrubber.add(ODD);
  test.each([
    ['raw', SECRET, SECRET],
    ['URL-encoded', ODD, encodeURIComponent(ODD)],
    ['JSON-escaped', ODD, JSON.stringify(ODD).slice(1, -1)],
    ['base64', SECRET, Buffer.from(SECRET).toString('base64')],
    ['base64 of the Bearer header', SECRET, Buffer.from(`Bearer ${SECRET}`).toString('base64')],
    ['base64url', ODD, Buffer.from(`Bearer ${ODD}`).toString('base64url')],
    ['base64 inside other base64', SECRET, Buffer.from(`{"auth":"Bearer ${SECRET}"}`).toString('base64')],
  ])('scrubs the %s form', (_label, secret, form) => {
    expect(form === secret && _label !== 'raw').toBe(false); // each case is a form of its own
    const scrubbed = scrubber.scrub(`detail: ${form} end`);
    expect(scrubbed).toContain('***');
    expect(scrubbed).not.toContain(form.slice(4, 24));
    expect(scrubbed).not.toContain(secret.slice(10, 30));
    expect(scrubbed).not.toContain(Buffer.from(secret).toString('base64').slice(8, 40));
  });

  test('leaves short secrets to the runner: scrubbing them would shred ordinary words', () => {
    const short = new SecretScrubber();
    short.add('abc');
    expect(short.scrub('abcdef')).toBe('abcdef');
  });
});
describe('guarded output', () => {
  test('messages lose their line breaks and any leading workflow command; secrets are scrubbed', () => {
    const { io, calls } = fakeIo();
    const failures: string[] = [];
    const guarded = guardIo(io, (message) => failures.push(message));
    guarded.setSecret(SECRET);
    guarded.info(`a\n::set-output name=x::y ${encodeURIComponent(SECRET)}`);
    guarded.warning('::stop-commands::pwned');
    guarded.fail(`failed: ${Buffer.from(`Bearer ${SECRET}`).toString('base64')}\r\n::error::forged`);
    expect(calls).toEqual([
      ['setSecret', SECRET],
      ['info', 'a\\u000a::set-output name=x::y ***'],
      ['warning', "'::stop-commands::pwned"],
    ]);
    expect(failures).toEqual(['failed: ***\\u000d\\u000a::error::forged']);
  });

  test('summary cells are escaped for HTML and Markdown', async () => {
    const { io, calls } = fakeIo();
    await guardIo(io, () => undefined).writeSummary('h <b>', ['x'], [['</td></tr></table><a href="j">[x](y) *b*\nz']]);
    const [, heading, table] = calls[0]!;
    expect(heading).toBe('h &#60;b&#62;');
    const escaped = (JSON.parse(table!) as string[][])[1]![0]!;
    expect(escaped).not.toMatch(/<|>|\[|\*|\n/);
    expect(escaped).toContain('&#60;/td&#62;');
  });

  test.each(['plain', 'a\u2028b', '\u0085x', '  ::warning::x'])(
    'safeLine(%j) is one line that starts no command',
    (text) => {
      const line = safeLine(text);
      expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
      expect(line).not.toMatch(/^\s*::/);
    },
  );

  test('cell escapes &, quotes and backticks too', () => {
    expect(cell(`a&b"c'd\`e|f`)).toBe('a&#38;b&#34;c&#39;d&#96;e&#124;f');
  });
});
describe('scrub first, then cut', () => {
  /** Every offset from well before to well after the printer's cut, for a secret in a line longer than it. */
  const offsets = Array.from({ length: 160 }, (_, index) => MAX_LINE - 500 + index * 6);

  test('a secret at any offset around the cut leaves no fragment of 8 characters', () => {
    const encoded = Buffer.from(`Bearer ${SECRET}`).toString('base64');
    const runs = [SECRET, encoded].flatMap((text) =>
      Array.from({ length: text.length - 7 }, (_, start) => text.slice(start, start + 8)),
    );
    for (const offset of offsets) {
      const { io, calls } = fakeIo();
      const guarded = guardIo(io, () => undefined);
      guarded.setSecret(SECRET);
      guarded.warning(`${'.'.repeat(offset)}${SECRET} ${encoded}${'.'.repeat(MAX_LINE)}`);
      const line = calls.find(([kind]) => kind === 'warning')![1]!;
      expect(line.length).toBeLessThanOrEqual(MAX_LINE);
      expect(runs.filter((run) => line.includes(run))).toEqual([]);
    }
  });

  test('a long line keeps its head and its tail, and says how much it left out', () => {
    const { io, calls } = fakeIo();
    guardIo(io, () => undefined).info(`start ${'x'.repeat(5000)} advice at the end`);
    const line = calls[0]![1]!;
    expect(line.startsWith('start xxx')).toBe(true);
    expect(line.endsWith('advice at the end')).toBe(true);
    expect(line).toMatch(/ … \[\d+ characters left out\] … /);
  });

  test('the state is scrubbed of every known secret', () => {
    const { io, calls } = fakeIo();
    const guarded = guardIo(io, () => undefined);
    guarded.setSecret(SECRET);
    guarded.saveState('cleanup', JSON.stringify({ expiredAt: `2030 ${SECRET}` }));
    expect(calls.find(([kind]) => kind === 'saveState')).toEqual(['saveState', 'cleanup', '{"expiredAt":"2030 ***"}']);
  });
});

describe('counted words', () => {
  test.each([
    [3_600_000, '1 hour'],
    [2 * 3_600_000, '2 hours'],
    [90 * 60_000, '1.5 hours'],
    [86_400_000, '1 day'],
    [30 * 86_400_000, '30 days'],
  ])('a lifetime policy of %d ms reads "%s"', (ms, label) => {
    expect(lifetimeLabel(ms)).toBe(label);
  });

  test('a count is singular for exactly one', () => {
    expect([0, 1, 2].map((n) => count(n, 'token'))).toEqual(['0 tokens', '1 token', '2 tokens']);
  });

  test('a token without an expiry never expires, rather than expiring "at never"', () => {
    expect(expiresClause(null)).toBe('it never expires');
    expect(expiresClause('2030-01-01T00:00:00.000Z')).toBe('it expires at 2030-01-01T00:00:00.000Z');
  });

  test("a token left behind names its expiry, or that it has none (the state file's empty expiry)", () => {
    const record = (expiredAt: string): CleanupRecord => ({
      kind: 'team',
      organization: 'acme',
      teamId: 'team-AbC123',
      description: null,
      tokenId: 'at-AbC123',
      expiredAt,
      ephemeral: true,
    });
    expect(leftBehindHint(record(''))).toBe('Delete it by hand; it never expires.');
    expect(leftBehindHint(record('2030-01-01T00:00:00.000Z'))).toBe(
      'Delete it by hand; it expires at 2030-01-01T00:00:00.000Z.',
    );
  });
});

const token = {
  id: 'at-abc',
  secret: 'QnbSxjjhVMHJgw.atlasv1.secret',
  description: 'd',
  createdAt: '2026-01-01T00:00:00.000Z',
  expiredAt: '2026-01-01T06:00:00.000Z',
  lastUsedAt: null,
  teamId: 'team-x',
};

describe('Publisher', () => {
  test('masks the secret before any output', () => {
    const { io, calls } = fakeIo();
    new Publisher(io).tokenOutputs(token);
    expect(calls[0]).toEqual(['setSecret', token.secret]);
    expect(calls.slice(1)).toEqual([
      ['setOutput', 'token', token.secret],
      ['setOutput', 'token-id', 'at-abc'],
      ['setOutput', 'expired-at', token.expiredAt],
      ['setOutput', 'created-at', token.createdAt],
      ['setOutput', 'description', 'd'],
      ['setOutput', 'team-id', 'team-x'],
    ]);
  });

  test.each([
    ['app.terraform.io', 'TF_TOKEN_app_terraform_io'],
    ['prod-tfe.example.net', 'TF_TOKEN_prod__tfe_example_net'],
  ])('exports the Terraform CLI variable for %s, masked first', (hostname, variable) => {
    const { io, calls } = fakeIo();
    new Publisher(io).exportTerraformCredential(hostname, token.secret);
    expect(calls[0]).toEqual(['setSecret', token.secret]);
    expect(calls[1]).toEqual(['exportVariable', variable, token.secret]);
    expect(
      calls
        .filter(([kind]) => kind === 'info')
        .flat()
        .join(' '),
    ).not.toContain(token.secret);
  });

  test('a host with a port is warned about and not exported', () => {
    const { io, calls } = fakeIo();
    new Publisher(io).exportTerraformCredential('tfe.example.com:8443', token.secret);
    expect(calls.map(([kind]) => kind)).toEqual(['warning']);
    expect(calls[0]![1]).toContain('tfe.example.com:8443');
  });
});
