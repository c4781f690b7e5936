import * as core from '@actions/core';

/** The runner surface the action uses; tests and other runners can supply their own. */
export interface ActionIo {
  getState(name: string): string;
  saveState(name: string, value: string): void;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** A heading and a table (header row first) appended to the job summary. */
  writeSummary(heading: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): Promise<void>;
}

export const coreIo: ActionIo = {
  getState: (name) => core.getState(name),
  saveState: (name, value) => core.saveState(name, value),
  setSecret: (value) => core.setSecret(value),
  setOutput: (name, value) => core.setOutput(name, value),
  exportVariable: (name, value) => core.exportVariable(name, value),
  info: (message) => core.info(message),
  notice: (message) => core.notice(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  async writeSummary(heading, header, rows) {
    // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write; that is not an error.
    if (!process.env['GITHUB_STEP_SUMMARY']) return;
    await core.summary
      .addHeading(heading, 3)
      .addTable([header.map((data) => ({ data, header: true })), ...rows.map((row) => [...row])])
      .write();
  },
};
