import { describe, expect, test } from '@jest/globals';
import { AmbiguousRequestError, ApiError } from '../../../../src/common/errors.js';
import { TfcClient } from '../../../../src/api/tfc/client.js';
import { describeFailure, jsonApiErrors, MAX_PAGES } from '../../../../src/api/tfc/jsonapi.js';
import { hasMultipleTeamTokens } from '../../../../src/api/tfc/platform.js';
import type { RawResponse, Transport } from '../../../../src/transport/transport.js';
import { TransportError } from '../../../../src/transport/retry.js';

const TOKEN = 'credential.atlasv1.secretsecretsecret';
type Scripted = RawResponse | TransportError;

/** A transport that answers from a script and records what was sent. */
function scripted(...answers: Scripted[]) {
  return scriptedWith({}, ...answers);
}

function scriptedWith(options: { deadline?: number; random?: number }, ...answers: Scripted[]) {
  const sent: Array<{ method: string; url: string; body: string | null; headers: Record<string, string> }> = [];
  const sleeps: number[] = [];
  const transport: Transport = {
    async send(method, url, body, headers) {
      sent.push({ method, url, body, headers });
      const answer = answers.shift();
      if (!answer) throw new Error('no scripted answer left');
      if (answer instanceof TransportError) throw answer;
      return answer;
    },
    close: () => undefined,
  };
  let now = 0;
  const client = new TfcClient({
    hostname: 'tfe.example.com',
    apiToken: TOKEN,
    transport,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
    random: () => options.random ?? 0,
    log: () => undefined,
    ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
  });
  return { client, sent, sleeps, now: () => now };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers,
  body: JSON.stringify(body),
});
const created = json(201, { data: { id: 'at-1', attributes: { token: 'NEW.atlasv1.SECRET' } } });

describe('requests', () => {
  test('auth, JSON:API content type on every method (DELETE too), URL and query encoding', async () => {
    const { client, sent } = scripted(json(200, { data: [] }), created, { status: 204, headers: {}, body: '' });
    await client.get('/organizations/acme/teams', { 'filter[names]': 'a b' });
    await client.post('/teams/team-1/authentication-tokens', { data: {} });
    await client.delete('/authentication-tokens/at-1');
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET https://tfe.example.com/api/v2/organizations/acme/teams?filter%5Bnames%5D=a+b',
      'POST https://tfe.example.com/api/v2/teams/team-1/authentication-tokens',
      'DELETE https://tfe.example.com/api/v2/authentication-tokens/at-1',
    ]);
    for (const request of sent) {
      expect(request.headers).toEqual({
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/vnd.api+json',
        Accept: 'application/vnd.api+json',
      });
    }
    expect(sent[1]!.body).toBe('{"data":{}}');
  });

  test('DELETE: 204 is deleted, 404 is already gone', async () => {
    const { client } = scripted(
      { status: 204, headers: {}, body: '' },
      json(404, { errors: [{ status: '404', title: 'not found' }] }),
    );
    expect(await client.delete('/authentication-tokens/at-1')).toBe('deleted');
    expect(await client.delete('/authentication-tokens/at-1')).toBe('not-found');
  });
});

describe('retries', () => {
  test('429 then success: waits X-RateLimit-Reset, repeats the POST', async () => {
    const { client, sent, sleeps } = scripted(json(429, { errors: [] }, { 'x-ratelimit-reset': '0.4' }), created);
    await client.post('/teams/team-1/authentication-tokens', {});
    expect(sent).toHaveLength(2);
    expect(sleeps).toEqual([400]);
  });

  test('500 on GET is repeated; on POST it is not, and is an ApiError the caller treats as ambiguous', async () => {
    const get = scripted(json(500, {}), json(200, { data: [] }));
    await get.client.get('/x');
    expect(get.sent).toHaveLength(2);
    const post = scripted(json(500, {}));
    await expect(post.client.post('/x', {})).rejects.toThrow(ApiError);
    expect(post.sent).toHaveLength(1);
  });

  test('a reset after sending a POST is ambiguous; a refused connection is repeated', async () => {
    const reset = scripted(new TransportError('ECONNRESET', true));
    await expect(reset.client.post('/x', {})).rejects.toThrow(AmbiguousRequestError);
    expect(reset.sent).toHaveLength(1);
    const refused = scripted(new TransportError('ECONNREFUSED', false), created);
    await refused.client.post('/x', {});
    expect(refused.sent).toHaveLength(2);
  });

  test('sent means maybe applied: a PATCH or DELETE cut off after connecting is ambiguous', async () => {
    const patch = scripted(new TransportError('ECONNRESET', true));
    await expect(patch.client.patch('/vars/var-1', {})).rejects.toThrow(AmbiguousRequestError);
    expect(patch.sent).toHaveLength(1);
    const gone = scripted(...Array.from({ length: 20 }, () => new TransportError('ETIMEDOUT', true)));
    await expect(gone.client.delete('/authentication-tokens/at-1')).rejects.toThrow(AmbiguousRequestError);
    const unsent = scripted(...Array.from({ length: 20 }, () => new TransportError('ECONNREFUSED', false)));
    await expect(unsent.client.patch('/vars/var-1', {})).rejects.toThrow('(could not reach tfe.example.com)');
  });

  test('a repeatable PATCH is retried after a reset or a 5xx; its unreadable 2xx is ambiguous', async () => {
    const ok = json(200, { data: { id: 'var-1' } });
    const repeatable = scripted(new TransportError('ECONNRESET', true), json(504, {}), ok);
    await repeatable.client.patch('/vars/var-1', {}, { repeatable: true });
    expect(repeatable.sent).toHaveLength(3);
    const unreadable = scripted({ status: 200, headers: {}, body: '<html>' });
    await expect(unreadable.client.patch('/vars/var-1', {}, { repeatable: true })).rejects.toThrow(
      AmbiguousRequestError,
    );
  });

  test('a write that may have acted stays ambiguous when its last retry never connected', async () => {
    const refused = new TransportError('ECONNREFUSED', false);
    const reset = scripted(new TransportError('ECONNRESET', true), ...Array.from({ length: 20 }, () => refused));
    const patch = reset.client.patch('/vars/var-1', {}, { repeatable: true });
    await expect(patch).rejects.toThrow(AmbiguousRequestError);
    expect(reset.sent.length).toBeGreaterThan(1);
    const answered = scripted(json(503, {}), ...Array.from({ length: 20 }, () => refused));
    await expect(answered.client.delete('/authentication-tokens/at-1')).rejects.toThrow(AmbiguousRequestError);
    const read = scripted(new TransportError('ECONNRESET', true), ...Array.from({ length: 20 }, () => refused));
    await expect(read.client.get('/x')).rejects.toThrow('(could not reach tfe.example.com)');
  });

  test('429s are waited out past any count of attempts, until the deadline, then fail naming the budget', async () => {
    const tooMany = () => json(429, { errors: [] }, { 'x-ratelimit-reset': '1' });
    const { client, sent, sleeps, now } = scriptedWith({ deadline: 60_000 }, ...Array.from({ length: 100 }, tooMany));
    await expect(client.post('/teams/team-1/authentication-tokens', {})).rejects.toThrow(
      "stayed exceeded until the step's time budget ran out",
    );
    expect(sent.length).toBeGreaterThan(50);
    expect(sleeps.every((ms) => ms >= 1000)).toBe(true);
    expect(now()).toBeLessThan(60_000);
  });

  test("after a 429, none of the step's requests goes before its reset, even when that one gave up", async () => {
    const { client, sent, sleeps } = scriptedWith(
      { deadline: 20_000 },
      json(429, { errors: [] }, { 'x-ratelimit-reset': '25' }),
      json(200, { data: [] }),
    );
    await expect(client.get('/a')).rejects.toThrow('429');
    await expect(client.get('/b')).rejects.toThrow("GET /b was not sent: the step's time budget is spent.");
    expect(sleeps).toEqual([25_000]);
    expect(sent).toHaveLength(1);
  });

  test('a 429 run followed by success needs no attempt left over from other failures', async () => {
    const answers = [
      ...Array.from({ length: 9 }, () => json(503, {})),
      ...Array.from({ length: 30 }, () => json(429, { errors: [] }, { 'x-ratelimit-reset': '0.1' })),
      json(200, { data: [] }),
    ];
    const { client, sent } = scriptedWith({ deadline: 900_000 }, ...answers);
    await client.get('/x');
    expect(sent).toHaveLength(40);
  });

  test('a GET that keeps failing stops within the attempt budget with a plain error', async () => {
    const { client, sent } = scripted(...Array.from({ length: 20 }, () => new TransportError('ECONNRESET', true)));
    await expect(client.get('/x')).rejects.toThrow('GET /x failed: ECONNRESET (could not reach tfe.example.com)');
    expect(sent.length).toBeLessThanOrEqual(10);
  });
});

describe('answers that are not what they should be', () => {
  test('a redirect is reported, not followed', async () => {
    const { client, sent } = scripted({
      status: 302,
      headers: { location: 'https://evil.example.net/steal' },
      body: '',
    });
    await expect(client.get('/x')).rejects.toThrow('a redirect to evil.example.net, which is not followed');
    expect(sent).toHaveLength(1);
  });

  test('a 201 whose body is not JSON is ambiguous (the token exists, its secret is unreadable)', async () => {
    const { client } = scripted({ status: 201, headers: {}, body: '<html>NEW.atlasv1.SECRET</html>' });
    const error = await client.post('/x', {}).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(AmbiguousRequestError);
    expect(error.message).not.toContain('SECRET');
  });

  test('no error ever carries the credential or a response body', async () => {
    const { client } = scripted(
      json(401, { errors: [{ status: '401', title: 'unauthorized' }] }),
      { status: 503, headers: {}, body: `<html>${TOKEN}</html>` },
      ...Array.from({ length: 9 }, () => ({ status: 503, headers: {}, body: `<html>${TOKEN}</html>` })),
    );
    const unauthorized = await client.get('/a').catch((caught: unknown) => caught as Error);
    const unavailable = await client.get('/b').catch((caught: unknown) => caught as Error);
    for (const error of [unauthorized, unavailable]) {
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).not.toContain('<html>');
    }
    expect(unauthorized.message).toBe(
      'GET /a answered 401: unauthorized. Likely cause: the credential (api-token) is invalid, expired or revoked.',
    );
    expect(unavailable.message).toMatch(
      /^GET \/b answered 503: Service Unavailable\. Likely cause: a server-side error/,
    );
  });
});

describe('error decoding', () => {
  test.each([
    ['{"errors":[{"status":"404","title":"not found","detail":"Team not found"}]}', ['not found: Team not found']],
    [
      '{"errors":[{"status":429,"title":"Too many requests","detail":"You have exceeded the API\'s rate limit."}]}',
      ["Too many requests: You have exceeded the API's rate limit."],
    ],
    ['{"errors":["Organization is over its limit"]}', ['Organization is over its limit']],
    ['<html>502</html>', []],
    ['{"data":{}}', []],
    ['null', []],
  ])('%s', (body, expected) => {
    expect(jsonApiErrors(body)).toEqual(expected);
  });

  test.each([
    [404, 'lacks permission to see it (the API answers 404 for both)'],
    [422, 'the server rejected the request as invalid'],
    [415, 'JSON:API content type'],
  ])('%i has its likely cause', (status, hint) => {
    const line = describeFailure({ status, headers: {}, body: '{"errors":[{"title":"t","detail":"d"}]}' });
    expect(line.startsWith('t: d. Likely cause: ')).toBe(true);
    expect(line).toContain(hint);
  });
});

describe('getAll', () => {
  /** Pages of one item each; answers come a tick later, so requests sent together are seen in flight together. */
  function pagedServer(totalPages: number, lastNext: number | null = null) {
    const pages: number[] = [];
    let inFlight = 0;
    let most = 0;
    const transport: Transport = {
      async send(_method, url) {
        const page = Number(new URL(url).searchParams.get('page[number]'));
        pages.push(page);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        const next = page < totalPages ? page + 1 : page === totalPages ? lastNext : null;
        const total = Math.max(totalPages, next ?? 0);
        return json(200, {
          data: [{ id: `item-${page}` }],
          meta: { pagination: { 'current-page': page, 'next-page': next, 'total-pages': total } },
        });
      },
      close: () => undefined,
    };
    const client = new TfcClient({
      hostname: 'tfe.example.com',
      apiToken: TOKEN,
      transport,
      sleep: async () => undefined,
      now: () => 0,
      random: () => 0,
      log: () => undefined,
    });
    return { client, pages, most: () => most };
  }

  test('the first page, then every other page together, items in page order', async () => {
    const server = pagedServer(4);
    const seen: string[] = [];
    const items = await server.client.getAll('/organizations/acme/team-tokens', {}, (page, total) =>
      seen.push(`${page}/${total}`),
    );
    expect(items).toEqual(['item-1', 'item-2', 'item-3', 'item-4'].map((id) => ({ id })));
    expect(server.pages).toEqual([1, 2, 3, 4]);
    expect(server.most()).toBe(3);
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  test('a list that grew while it was read is followed on from its last page', async () => {
    const server = pagedServer(2, 3);
    const items = await server.client.getAll('/organizations/acme/team-tokens');
    expect(items.map((item) => (item as { id: string }).id)).toEqual(['item-1', 'item-2', 'item-3']);
  });

  test(`more than ${MAX_PAGES} pages is refused before they are read`, async () => {
    const server = pagedServer(MAX_PAGES + 1);
    await expect(server.client.getAll('/organizations/acme/team-tokens')).rejects.toThrow(`more than ${MAX_PAGES}`);
    expect(server.pages).toEqual([1]);
  });
});

describe('scrub first, then cut: the client keeps server text whole', () => {
  test('an error detail longer than any cut is returned whole, for the printer to scrub before it cuts', () => {
    const detail = `${'.'.repeat(290)}${'S'.repeat(90)}${'.'.repeat(1000)}`;
    const body = JSON.stringify({ errors: [{ title: 't', detail }, 'x'.repeat(700)] });
    expect(jsonApiErrors(body)).toEqual([`t: ${detail}`, 'x'.repeat(700)]);
  });
});

describe('what the server is, from headers already received', () => {
  const server = (appName: string | null, currentVersion: string | null = null, release: string | null = null) => ({
    appName,
    currentVersion,
    release,
  });
  test.each([
    ['HCP Terraform', server('HCP Terraform'), true],
    ['TFE 1.1.0', server('Terraform Enterprise', '1.1.0'), true],
    ['TFE 2.0.0', server('Terraform Enterprise', '2.0.0'), true],
    ['TFE 1.0.2', server('Terraform Enterprise', '1.0.2'), false],
    ['a monthly TFE release, no numeric version', server('Terraform Enterprise', null, 'v202409-1'), false],
    ['an old TFE that names only its version', server(null, '1.0.3'), false],
    ['TFE without a version', server('Terraform Enterprise'), null],
    ['another product', server('Terrakube', '1.0.0'), null],
    ['nothing said', server(null), null],
  ])('%s', (_label, headers, expected) => {
    expect(hasMultipleTeamTokens(headers)).toBe(expected);
  });

  test('the client learns them from every answer, keeping what a later answer leaves out', async () => {
    const answers: RawResponse[] = [
      { status: 200, headers: { 'tfp-appname': 'Terraform Enterprise', 'x-tfe-current-version': '1.0.2' }, body: '{}' },
      { status: 200, headers: {}, body: '{}' },
    ];
    const transport: Transport = { send: async () => answers.shift()!, close: () => undefined };
    const client = new TfcClient({
      hostname: 'tfe.test',
      apiToken: 'x',
      transport,
      sleep: async () => undefined,
      now: () => 0,
      random: () => 0,
      log: () => undefined,
    });
    expect(client.server).toEqual({ appName: null, currentVersion: null, release: null });
    await client.get('/a');
    await client.get('/b');
    expect(client.server).toEqual({ appName: 'Terraform Enterprise', currentVersion: '1.0.2', release: null });
  });
});
