// Real ESM with a real named export, so it loads the same way from the ncc bundle, compiled source, jest and
// local-action. Nothing in tfc-token-action calls it: see the description in package.json.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not bundled with tfc-token-action: @actions/http-client getAgentDispatcher() is unsupported here. ' +
        "The action's requests use HttpClient's node:http agents and its tunnel (src/transport/transport.ts).",
    );
  }
}
