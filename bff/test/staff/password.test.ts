import { scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword } from '../../src/modules/staff/password';

describe('password hashing', () => {
  it('verifies the password it hashed', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
  });

  it('rejects a wrong password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery!', stored)).toBe(false);
  });

  it('writes scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const a = await hashPassword('same password');
    const b = await hashPassword('same password');
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
  });

  it('still verifies a hash made with older settings, and says it needs a rehash', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('old password 1', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('old password 1', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('old password 1'))).toBe(false);
  });

  it.each([
    ['not a hash'],
    ['bcrypt$10$8$1$c2FsdA$aGFzaA'],
    ['scrypt$1000$8$1$c2FsdA$aGFzaA'],
    ['scrypt$1073741824$8$1$c2FsdA$aGFzaA'],
    ['scrypt$16384$8$1$$'],
  ])('treats a malformed stored hash (%s) as no match', async (stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
  });

  it('matches no password against the unmatchable hash', async () => {
    expect(await verifyPassword('', unmatchableHash())).toBe(false);
    expect(needsRehash(unmatchableHash())).toBe(false);
  });
});
