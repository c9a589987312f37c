/** `npm run check:pdf`: lists the PDF/UA-1 and PDF structure failures of built briefs. */
import { runCheckPdf } from './lib/cli/check-pdf-command.ts';

process.exitCode = await runCheckPdf(process.argv.slice(2));
