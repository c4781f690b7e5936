// unit/ imports this path; the fakes live in fakes/. Remove once unit/ imports fakes/ directly.
export * from './fakes/fake-io.js';
