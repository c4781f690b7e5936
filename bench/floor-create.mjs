// The floor for the main step: one HTTPS POST with plain node:https and one GITHUB_OUTPUT line, nothing else.
import { request } from 'node:https';
import { appendFileSync } from 'node:fs';

const body = JSON.stringify({
  data: { type: 'authentication-tokens', attributes: { description: `floor ${process.pid} ${Date.now()}`, 'expired-at': new Date(Date.now() + 3600_000).toISOString() } },
});
const req = request(
  `https://${process.env.FLOOR_HOSTNAME}/api/v2/teams/${process.env.FLOOR_TEAM_ID}/authentication-tokens`,
  { method: 'POST', headers: { Authorization: `Bearer ${process.env.FLOOR_TOKEN}`, 'Content-Type': 'application/vnd.api+json' } },
  (res) => {
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => appendFileSync(process.env.GITHUB_OUTPUT, `token-id=${JSON.parse(text).data.id}\n`));
  },
);
req.end(body);
