import type { ListCap, TfcClient } from '../../api/tfc/client.js';
import { list as listTeams } from '../../api/tfc/teams.js';

/** id → name of every team the credential can see, for listings that show team names (one paged request). */
export async function teamNames(client: TfcClient, organization: string, cap?: ListCap): Promise<Map<string, string>> {
  const teams = await listTeams(client, organization, { cap });
  return new Map(
    teams.map((team) => {
      const { id, attributes } = team as { id: string; attributes?: { name?: string } };
      return [id, attributes?.name ?? ''] as const;
    }),
  );
}
