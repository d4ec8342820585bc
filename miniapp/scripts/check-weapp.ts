import path from 'node:path';
import { MAIN_PACKAGE_BUDGET_BYTES, inspectWeappBuild } from './weapp-check/inspect';

// Validates dist/weapp after `pnpm build:weapp`; exits non-zero when the package would not load.
const dir = path.resolve(__dirname, '../dist/weapp');
const report = inspectWeappBuild(dir);

console.log(`pages (${report.pages.length}): ${report.pages.join(', ') || '-'}`);
console.log(`main package: ${report.mainPackageBytes} bytes (budget ${MAIN_PACKAGE_BUDGET_BYTES})`);

if (report.codeGeneration.length > 0) {
  console.log(`eval/new Function call sites (report only; each must be unreachable in WeChat):`);
  for (const hit of report.codeGeneration) console.log(`  ${hit.file}: …${hit.excerpt}…`);
} else {
  console.log('eval/new Function call sites: none');
}

if (report.errors.length > 0) {
  for (const error of report.errors) console.error(`✖ ${error}`);
  process.exitCode = 1;
} else {
  console.log('✔ weapp package is valid');
}
