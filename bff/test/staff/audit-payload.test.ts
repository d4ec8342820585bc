import { auditPayload, maxPayloadChars } from '../../src/modules/staff/audit-payload';

describe('the payload kept in the audit log', () => {
  it('masks every password, secret and token, at any depth and in any case', () => {
    const body = {
      username: 'zhou',
      password: 'p',
      nested: { newPassword: 'n', AppSecret: 's', list: [{ refreshToken: 't' }] },
      accessTOKEN: { deep: 'x' },
    };
    expect(auditPayload(body)).toEqual({
      username: 'zhou',
      password: '***',
      nested: { newPassword: '***', AppSecret: '***', list: [{ refreshToken: '***' }] },
      accessTOKEN: '***',
    });
  });

  it('keeps a body within the limit whole', () => {
    const body = { detail: 'x'.repeat(maxPayloadChars - 20) };
    expect(auditPayload(body)).toEqual(body);
  });

  it('cuts a longer body to a preview of its masked JSON', () => {
    const stored = auditPayload({ password: 'hunter2-hunter2', detail: 'x'.repeat(maxPayloadChars) }) as { truncated: boolean; preview: string };
    expect(stored.truncated).toBe(true);
    expect(stored.preview).toHaveLength(maxPayloadChars);
    expect(stored.preview.startsWith('{"password":"***","detail":"xxx')).toBe(true);
  });

  it('never cuts a character in half', () => {
    // `{"dd":"` is 7 characters, so the cut falls between the two halves of an emoji.
    const stored = auditPayload({ dd: '😀'.repeat(maxPayloadChars) }) as { preview: string };
    expect(stored.preview).toHaveLength(maxPayloadChars - 1);
    expect(stored.preview.endsWith('😀')).toBe(true);
  });

  it('stores nothing for no body or a non-JSON one, and replaces NUL which jsonb cannot hold', () => {
    expect(auditPayload(undefined)).toBeNull();
    expect(auditPayload(Buffer.from('image bytes'))).toBeNull();
    expect(auditPayload({ note: 'a\u0000b' })).toEqual({ note: 'a\ufffdb' });
  });
});
