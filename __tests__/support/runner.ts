// unit/ imports this path; running steps lives in steps/. Remove once unit/ imports steps/ directly.
export * from './steps/runner.js';
