import { ApiError } from '../api/api-error';
import { placeError } from './field-error';

const loginFields = ['username', 'password'] as const;

describe('placeError', () => {
  it('puts a wrong password next to the password field, with the code', () => {
    const error = new ApiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    expect(placeError(error, loginFields, { INVALID_CREDENTIALS: 'password' })).toEqual({
      field: 'password',
      text: '用户名或密码错误（INVALID_CREDENTIALS）',
    });
  });

  it('follows the validation details to the field they name', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', '请求参数不合法', [{ path: 'body/username', message: 'too long' }]);
    expect(placeError(error, loginFields).field).toBe('username');
  });

  it('shows anything else above the form', () => {
    expect(placeError(new ApiError(429, 'RATE_LIMITED', '操作太频繁'), loginFields)).toEqual({ field: null, text: '操作太频繁（RATE_LIMITED）' });
    expect(placeError(new Error('boom'), loginFields)).toEqual({ field: null, text: '提交失败，请稍后重试' });
  });
});
