import type { ActionIo } from '../../../src/runner/io.js';

/** An in-memory runner surface that records every call in order, for tests of what the action publishes. */
export function fakeIo(state: Record<string, string> = {}) {
  const calls: Array<[string, ...string[]]> = [];
  const io: ActionIo = {
    getState: (name) => state[name] ?? '',
    saveState: (name, value) => {
      state[name] = value;
      calls.push(['saveState', name, value]);
    },
    setSecret: (value) => calls.push(['setSecret', value]),
    setOutput: (name, value) => calls.push(['setOutput', name, value]),
    exportVariable: (name, value) => calls.push(['exportVariable', name, value]),
    info: (message) => calls.push(['info', message]),
    notice: (message) => calls.push(['notice', message]),
    warning: (message) => calls.push(['warning', message]),
    debug: (message) => calls.push(['debug', message]),
    writeSummary: async (heading, header, rows) => {
      calls.push(['writeSummary', heading, JSON.stringify([header, ...rows])]);
    },
  };
  return { io, calls, state };
}
