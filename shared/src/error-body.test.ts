import { isErrorBody } from './error-body';

describe('isErrorBody', () => {
  it('accepts the one error shape, with or without details', () => {
    expect(isErrorBody({ error: { code: 'GROUP_FULL', message: '这个团已经满员了' } })).toBe(true);
    expect(isErrorBody({ error: { code: 'VALIDATION', message: 'x', details: [{ path: '/a', message: 'y' }] } })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const body of [null, 'oops', 42, {}, { error: null }, { error: 'x' }, { error: { code: 42, message: 'x' } }, { error: { code: 'X' } }]) {
      expect(isErrorBody(body)).toBe(false);
    }
  });
});
