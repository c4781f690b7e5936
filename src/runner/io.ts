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
