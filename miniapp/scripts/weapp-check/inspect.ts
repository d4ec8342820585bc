import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Our own budget, under WeChat's 2 MB main-package limit so growth shows up before upload fails. */
export const MAIN_PACKAGE_BUDGET_BYTES = 1_572_864;

const PAGE_FILE_TYPES = ['.js', '.wxml', '.json', '.wxss'] as const;
/** Developer-tool settings that sit in the output folder but are not part of the code package. */
const TOOL_CONFIG_FILES = new Set(['project.config.json', 'project.private.config.json']);
const CODE_GENERATION = /\beval\s*\(|\bnew\s+Function\s*\(/g;

export interface CodeGenerationHit {
  file: string;
  excerpt: string;
}

export interface WeappReport {
  /** problems that make the package invalid */
  errors: string[];
  pages: string[];
  /** eval / new Function call sites: WeChat forbids running them, so each needs a look */
  codeGeneration: CodeGenerationHit[];
  mainPackageBytes: number;
}

interface AppJson {
  pages?: unknown;
  subPackages?: unknown;
  subpackages?: unknown;
}

interface SubPackage {
  root: string;
  pages: string[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function readSubPackages(app: AppJson, errors: string[]): SubPackage[] {
  const declared = app.subPackages ?? app.subpackages ?? [];
  if (!Array.isArray(declared)) {
    errors.push('app.json: subPackages is not an array');
    return [];
  }
  const result: SubPackage[] = [];
  for (const entry of declared) {
    if (typeof entry === 'object' && entry !== null && 'root' in entry && 'pages' in entry) {
      const { root, pages } = entry;
      if (typeof root === 'string' && isStringArray(pages)) {
        result.push({ root: root.replace(/\/+$/, ''), pages });
        continue;
      }
    }
    errors.push(`app.json: malformed subpackage ${JSON.stringify(entry)}`);
  }
  return result;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function findCodeGeneration(dir: string, files: string[]): CodeGenerationHit[] {
  return files
    .filter((file) => file.endsWith('.js') || file.endsWith('.wxs'))
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(CODE_GENERATION)].map((match) => {
        const at = match.index ?? 0;
        return {
          file: path.relative(dir, file),
          excerpt: text.slice(Math.max(0, at - 80), at + 40).replace(/\s+/g, ' '),
        };
      });
    });
}

/** Reads a weapp build folder and says whether it is a loadable mini-program package. */
export function inspectWeappBuild(dir: string): WeappReport {
  const errors: string[] = [];
  const appJsonPath = path.join(dir, 'app.json');
  if (!existsSync(appJsonPath)) {
    return { errors: [`${appJsonPath} does not exist: build first`], pages: [], codeGeneration: [], mainPackageBytes: 0 };
  }

  const app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson;
  if (!isStringArray(app.pages) || app.pages.length === 0) {
    errors.push('app.json: pages must be a non-empty list of page paths');
  }
  const mainPages = isStringArray(app.pages) ? app.pages : [];
  const subPackages = readSubPackages(app, errors);
  const pages = [...mainPages, ...subPackages.flatMap(({ root, pages: sub }) => sub.map((page) => `${root}/${page}`))];

  for (const page of pages) {
    for (const type of PAGE_FILE_TYPES) {
      if (!existsSync(path.join(dir, page + type))) errors.push(`page ${page}: missing ${page}${type}`);
    }
  }

  const files = listFiles(dir);
  const subRoots = subPackages.map(({ root }) => path.join(dir, root) + path.sep);
  const mainPackageBytes = files
    .filter((file) => !TOOL_CONFIG_FILES.has(path.relative(dir, file)))
    .filter((file) => !subRoots.some((root) => file.startsWith(root)))
    .reduce((sum, file) => sum + statSync(file).size, 0);
  if (mainPackageBytes > MAIN_PACKAGE_BUDGET_BYTES) {
    errors.push(`main package is ${mainPackageBytes} bytes, over the ${MAIN_PACKAGE_BUDGET_BYTES}-byte budget`);
  }

  return { errors, pages, codeGeneration: findCodeGeneration(dir, files), mainPackageBytes };
}
