import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app';
import { createOwner } from '../../src/modules/staff/create-owner';
import { buildTestApp } from '../helper';

const bffRoot = path.join(__dirname, '..', '..');

/** Runs the script as `pnpm create-owner -- …` does, with only the environment given here. */
function runScript(args: string[], env: Record<string, string> = {}) {
  return spawnSync(path.join(bffRoot, 'node_modules', '.bin', 'tsx'), ['src/cli/create-owner.ts', '--', ...args], {
    cwd: bffRoot,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
  });
}

describe('create-owner script', () => {
  it('refuses a password shorter than 10 characters and exits non-zero', () => {
    const result = runScript(['--username', 'boss', '--password', 'short'], { PGLITE_DIR: '/nonexistent/never-opened' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('密码至少需要 10 个字符');
  });

  it('creates the owner, then refuses the same username a second time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-create-owner-'));
    try {
      const env = { PGLITE_DIR: dir, OWNER_PASSWORD: 'a-strong-password' };
      const first = runScript(['--username', 'boss'], env);
      expect(first.status).toBe(0);
      const second = runScript(['--username', 'boss'], env);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('boss');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('createOwner', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates an owner who can sign in to the console', async () => {
    const result = await createOwner(app.db, { username: 'founder', password: 'founder-password' });
    expect(result.ok).toBe(true);
    const login = await app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username: 'founder', password: 'founder-password' } });
    expect(login.json().staff.role).toBe('owner');
  });

  it('refuses a weak password', async () => {
    const result = await createOwner(app.db, { username: 'weakling', password: '123456789' });
    expect(result).toEqual({ ok: false, problem: expect.stringContaining('10') });
  });

  it('refuses a username that exists and leaves that account untouched', async () => {
    await createOwner(app.db, { username: 'taken', password: 'first-password' });
    const result = await createOwner(app.db, { username: 'taken', password: 'second-password' });
    expect(result.ok).toBe(false);
    const login = await app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username: 'taken', password: 'first-password' } });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a username with characters outside a-z 0-9 _ . -', async () => {
    const result = await createOwner(app.db, { username: 'Boss Man', password: 'a-strong-password' });
    expect(result.ok).toBe(false);
  });
});
