// The floor for the post step: one HTTPS DELETE with plain node:https.
import { request } from 'node:https';

request(
  `https://${process.env.FLOOR_HOSTNAME}/api/v2/authentication-tokens/${process.env.FLOOR_TOKEN_ID}`,
  { method: 'DELETE', headers: { Authorization: `Bearer ${process.env.FLOOR_TOKEN}`, 'Content-Type': 'application/vnd.api+json' } },
  (res) => res.resume(),
).end();
