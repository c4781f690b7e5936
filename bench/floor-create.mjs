// The floor for the main step: one HTTPS POST with plain node:https and one GITHUB_OUTPUT line, nothing else.
// Under a rate limit it waits out a 429 as the action does, so the scale floor runs the same jobs under the same limit.
import { request } from 'node:https';
import { appendFileSync } from 'node:fs';

const body = JSON.stringify({
  data: {
    type: 'authentication-tokens',
    attributes: {
      description: `floor ${process.pid} ${Date.now()}`,
      'expired-at': new Date(Date.now() + 3600_000).toISOString(),
    },
  },
});
const send = () =>
  request(
    `https://${process.env.FLOOR_HOSTNAME}/api/v2/teams/${process.env.FLOOR_TEAM_ID}/authentication-tokens`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.FLOOR_TOKEN}`, 'Content-Type': 'application/vnd.api+json' },
    },
    (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        if (res.statusCode === 429) return setTimeout(send, Number(res.headers['x-ratelimit-reset'] ?? 1) * 1000);
        appendFileSync(process.env.GITHUB_OUTPUT, `token-id=${JSON.parse(text).data.id}\n`);
      });
    },
  ).end(body);
send();
