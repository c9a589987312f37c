import { runBuild } from './lib/cli/build-command.ts';
import { emailOutput } from './lib/render/email/index.ts';

process.exitCode = await runBuild('build:email', [emailOutput]);
