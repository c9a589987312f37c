/**
 * The architecture as rules (dependency-cruiser), checked by test/project/architecture.test.ts
 * (npm test). Stages run in this order, and a stage imports only
 * itself and earlier ones (scripts/ARCHITECTURE.md tells what each owns):
 *
 *   kernel    scripts/lib/problems.ts, scripts/lib/io/   located problems, atomic files, the disk cache
 *   load      read files, parse YAML keeping positions
 *   validate  schemas; every problem at file:line:column
 *   model     the renderer-neutral Report and Brand
 *   layout    measuring and preparing: images, fonts, text widths
 *   render    one folder per output, each calling only its own templates/<output>/
 *   write     committing a report's outputs into OUT
 *   commands  cli, watch, bench, send, serve, verify, readme, snapshot, browser, the pipeline fronts, scripts/*.ts
 *
 * templates/<output>/ are layouts: they take the model and their theme and
 * import only model/, layout/ and their own folder. Types of the model
 * (model/types.ts) are the shared vocabulary: any stage may import them as types.
 */
const STAGES = ['kernel', 'load', 'validate', 'model', 'layout', 'render', 'write'];
const PATHS = {
  kernel: '^scripts/lib/(problems\\.ts$|io/)',
  load: '^scripts/lib/load/',
  validate: '^scripts/lib/validate/',
  model: '^scripts/lib/model/',
  layout: '^scripts/lib/layout/',
  render: '^scripts/lib/render/',
  write: '^scripts/lib/write/',
};
const COMMAND_FOLDERS = 'cli|watch|bench|send|serve|verify|readme|snapshot|browser';
const COMMANDS = `^scripts/(lib/(${COMMAND_FOLDERS})/|lib/load-[a-z]+\\.ts$|[^/]+\\.(ts|mjs)$)`;
const MODEL_TYPES = '^scripts/lib/model/types\\.ts$';

const stageRules = STAGES.map((stage, i) => ({
  name: `${stage}-imports-only-earlier-stages`,
  comment: `${stage} may import ${STAGES.slice(0, i + 1).join(', ')} (and the model's types)`,
  severity: 'error',
  from: { path: PATHS[stage] },
  to: {
    path: [
      ...STAGES.slice(i + 1).map((later) => PATHS[later]),
      COMMANDS,
      ...(stage === 'render' ? [] : ['^templates/']),
    ],
    dependencyTypesNot: ['type-only'],
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'import circles hide which module owns what',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...stageRules,
    {
      name: 'earlier-stages-import-only-the-models-types',
      comment: 'before the model stage, the model is only a vocabulary of types',
      severity: 'error',
      from: { path: [PATHS.kernel, PATHS.load, PATHS.validate] },
      to: { path: PATHS.model, pathNot: MODEL_TYPES },
    },
    {
      name: 'a-renderer-calls-only-its-own-templates',
      severity: 'error',
      from: { path: '^scripts/lib/render/([^/]+)/' },
      to: { path: '^templates/', pathNot: '^templates/$1/' },
    },
    {
      name: 'renderers-do-not-import-each-other',
      severity: 'error',
      from: { path: '^scripts/lib/render/([^/]+)/' },
      to: { path: '^scripts/lib/render/[^/]+/', pathNot: '^scripts/lib/render/$1/' },
    },
    {
      name: 'templates-import-only-model-layout-and-their-own-folder',
      severity: 'error',
      from: { path: '^templates/([^/]+)/' },
      to: { path: '^(scripts/|templates/)', pathNot: ['^scripts/lib/(model|layout)/', '^templates/$1/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
