import { ApiError, UNEXPECTED_RESPONSE, apiErrorFromResponse, errorCode, errorText } from './api-error';

describe('apiErrorFromResponse', () => {
  it('keeps the code and message of the BFF error shape', () => {
    const error = apiErrorFromResponse(409, { error: { code: 'GROUP_FULL', message: '该团已满' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'GROUP_FULL', message: '该团已满' });
  });

  it('gives a generic code when the body is not the error shape', () => {
    const error = apiErrorFromResponse(502, '<html>Bad Gateway</html>');
    expect(error).toMatchObject({ status: 502, code: UNEXPECTED_RESPONSE });
  });

  it('rejects an error body whose code is not a string', () => {
    expect(apiErrorFromResponse(400, { error: { code: 42, message: 'x' } }).code).toBe(UNEXPECTED_RESPONSE);
  });
});
describe('errorText', () => {
  it('shows the BFF message with its code', () => {
    expect(errorText(new ApiError(409, 'GROUP_FULL', '这个团已经满员了'))).toBe('这个团已经满员了（GROUP_FULL）');
    expect(errorCode(new ApiError(409, 'GROUP_FULL', '这个团已经满员了'))).toBe('GROUP_FULL');
  });

  it('falls back to a plain sentence for anything else', () => {
    expect(errorText(new Error(''))).toBe('出错了，请稍后重试');
    expect(errorText(new Error('x'), '加载失败')).toBe('加载失败');
    expect(errorText('boom')).toBe('出错了，请稍后重试');
    expect(errorCode(new Error('x'))).toBeNull();
  });
});
