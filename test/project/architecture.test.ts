/**
 * The stages' import rules (scripts/dependency-rules.cjs, scripts/ARCHITECTURE.md)
 * checked with dependency-cruiser over scripts/ and templates/: no circles, no
 * arrow from an earlier stage to a later one, layouts importing only the model,
 * layout and their own folder. No exceptions are listed; a violation names both files.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { it } from 'node:test';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { root } from '../support/run-script.ts';

it(
  'imports follow the stages: no circles, no upward arrows, layouts import ' +
    'only model, layout and their own folder',
  async () => {
    const { forbidden, options } = createRequire(import.meta.url)(
      path.join(root, 'scripts/dependency-rules.cjs'),
    ) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions };
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));
      const { output } = await cruise(
        ['scripts', 'templates'],
        { ...options, validate: true, ruleSet: { forbidden } },
        undefined,
        { tsConfig },
      );
      const result = output as ICruiseResult;
      assert.ok(
        result.summary.totalCruised > 150,
        `${result.summary.totalCruised} modules: the cruise did not see the code`,
      );
      const violations = result.summary.violations.map(
        (v) =>
          `${v.rule.name}: ${v.from} → ${v.to}` +
          (v.cycle ? ` (circle: ${v.cycle.map((c) => c.name).join(' → ')})` : ''),
      );
      assert.deepEqual(violations, []);
    } finally {
      process.chdir(cwd);
    }
  },
);
