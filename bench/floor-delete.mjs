// The floor for the post step: one HTTPS DELETE with plain node:https (waiting out a 429, as the action does).
import { request } from 'node:https';

const send = () =>
  request(
    `https://${process.env.FLOOR_HOSTNAME}/api/v2/authentication-tokens/${process.env.FLOOR_TOKEN_ID}`,
    {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${process.env.FLOOR_TOKEN}`, 'Content-Type': 'application/vnd.api+json' },
    },
    (res) => {
      res.resume();
      if (res.statusCode === 429) setTimeout(send, Number(res.headers['x-ratelimit-reset'] ?? 1) * 1000);
    },
  ).end();
send();
