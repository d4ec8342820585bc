import { ApiError, UNEXPECTED_RESPONSE, apiErrorFromResponse } from './api-error';

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
