// The layer order of src/, top to bottom; a module may import only from its own layer or the ones below it.
// Type-only imports count too: a type that points upward is the start of a cycle.
const LAYERS = [
  ['entry', '^src/[^/]+[.]ts$'],
  ['modes', '^src/modes/'],
  ['tokens', '^src/tokens/'],
  ['state', '^src/state/'],
  ['inputs', '^src/inputs/'],
  ['runner', '^src/runner/'],
  ['api', '^src/api/'],
  ['transport', '^src/transport/'],
  ['common', '^src/common/'],
];

const upward = LAYERS.slice(1).map(([name, path], index) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} imports only from the layers below it: ${
    LAYERS.slice(index + 2)
      .map(([below]) => below)
      .join(', ') || 'none'
  }`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(0, index + 1).map(([, above]) => above) },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    ...upward,
    {
      name: 'api-clients-apart',
      comment: 'The HCP Terraform and GitHub clients share only the transport below them.',
      severity: 'error',
      from: { path: '^src/api/(tfc|github)/' },
      to: { path: '^src/api/', pathNot: '^src/api/$1/' },
    },
    {
      name: 'src-stands-alone',
      comment: 'The action never imports the tests, the emulator or the benchmark.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(__tests__|emulator|bench)/' },
    },
    {
      name: 'emulator-from-the-docs',
      comment: 'The emulator is written from the API docs, not from the action: it imports nothing of src/.',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^src/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|lib|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
