import { ApiError, UNEXPECTED_RESPONSE, apiErrorFromResponse, errorText } from './api-error';

describe('apiErrorFromResponse', () => {
  it('keeps the BFF code, message and field details', () => {
    const error = apiErrorFromResponse(400, {
      error: { code: 'VALIDATION_FAILED', message: '请求参数不合法', details: [{ path: 'body/username', message: 'must NOT have fewer than 1 characters' }] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message]).toEqual([400, 'VALIDATION_FAILED', '请求参数不合法']);
    expect(error.details).toEqual([{ path: 'body/username', message: 'must NOT have fewer than 1 characters' }]);
  });

  it('says the server failed, with the status, when the body is not the error shape', () => {
    const error = apiErrorFromResponse(502, '<html>Bad Gateway</html>');
    expect(error.code).toBe(UNEXPECTED_RESPONSE);
    expect(error.message).toContain('502');
  });
});

describe('errorText', () => {
  it('shows the Chinese message followed by the code', () => {
    expect(errorText(new ApiError(403, 'FORBIDDEN', '没有权限'))).toBe('没有权限（FORBIDDEN）');
  });

  it('falls back for anything that is not an API error', () => {
    expect(errorText(new TypeError('x is undefined'), '加载失败')).toBe('加载失败');
  });
});
