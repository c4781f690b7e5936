import { describe, expect, it } from '@jest/globals';
import { runDemo } from '../../emulator/demo-lifecycle.js';

// `npm run demo` prints exactly this run; its summary is computed from the emulator, so it can say something was left.
describe('npm run demo', () => {
  it('explains itself, shows no fault, and ends with nothing left', async () => {
    const lines: string[] = [];
    const result = await runDemo((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text.startsWith('This demo starts an emulator of the HCP Terraform API')).toBe(true);
    expect(text).not.toMatch(/::(warning|error)::/);
    expect(result.summary).toMatchObject({ minted: 2, teamsCreated: 1, tokensLeft: [], teamsLeft: [] });
    expect(result.summary.revoked).toHaveLength(2);
    expect(result.summary.teamsDeleted).toHaveLength(1);
    expect(lines.at(-1)).toBe('Left:    nothing');
    expect(result.ok).toBe(true);
  });
});
