import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAIN_PACKAGE_BUDGET_BYTES, inspectWeappBuild } from './inspect';

let dir: string;

function write(file: string, content: string | Buffer) {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

function writePage(page: string) {
  for (const type of ['.js', '.wxml', '.json', '.wxss']) write(page + type, '{}');
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'weapp-check-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('inspectWeappBuild', () => {
  it('accepts a package whose every page, subpackage pages included, has its four files', () => {
    write('app.json', JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'shop/', pages: ['cart/index'] }] }));
    writePage('pages/index/index');
    writePage('shop/cart/index');
    const report = inspectWeappBuild(dir);
    expect(report.errors).toEqual([]);
    expect(report.pages).toEqual(['pages/index/index', 'shop/cart/index']);
  });

  it('fails when app.json is missing', () => {
    expect(inspectWeappBuild(dir).errors[0]).toMatch(/app\.json does not exist/);
  });

  it('names each file a page is missing', () => {
    write('app.json', JSON.stringify({ pages: ['pages/index/index'] }));
    write('pages/index/index.js', '');
    write('pages/index/index.json', '{}');
    expect(inspectWeappBuild(dir).errors).toEqual([
      'page pages/index/index: missing pages/index/index.wxml',
      'page pages/index/index: missing pages/index/index.wxss',
    ]);
  });

  it('counts the main package without subpackages or developer-tool config', () => {
    write('app.json', JSON.stringify({ pages: [], subpackages: [{ root: 'sub', pages: [] }] }));
    write('app.js', 'x'.repeat(100));
    write('sub/big.js', 'x'.repeat(5000));
    write('project.config.json', 'x'.repeat(5000));
    const appJsonBytes = Buffer.byteLength(JSON.stringify({ pages: [], subpackages: [{ root: 'sub', pages: [] }] }));
    expect(inspectWeappBuild(dir).mainPackageBytes).toBe(100 + appJsonBytes);
  });

  it('fails when the main package is over budget', () => {
    write('app.json', JSON.stringify({ pages: ['p'] }));
    writePage('p');
    write('vendors.js', Buffer.alloc(MAIN_PACKAGE_BUDGET_BYTES));
    expect(inspectWeappBuild(dir).errors).toEqual([expect.stringMatching(/over the 1572864-byte budget/)]);
  });

  it('reports eval and new Function call sites without failing', () => {
    write('app.json', JSON.stringify({ pages: ['p'] }));
    writePage('p');
    write('vendors.js', 'var a = eval("1"); var b = new Function("return this");');
    const report = inspectWeappBuild(dir);
    expect(report.errors).toEqual([]);
    expect(report.codeGeneration.map((hit) => hit.file)).toEqual(['vendors.js', 'vendors.js']);
  });
});
