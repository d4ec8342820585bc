import { ApiError } from '../api/api-error';
import { errorCode, errorText } from './error-text';

describe('errorText', () => {
  it('shows the BFF message with its code', () => {
    expect(errorText(new ApiError(409, 'GROUP_FULL', '这个团已经满员了'))).toBe('这个团已经满员了（GROUP_FULL）');
    expect(errorCode(new ApiError(409, 'GROUP_FULL', '这个团已经满员了'))).toBe('GROUP_FULL');
  });

  it('falls back to a plain sentence for anything else', () => {
    expect(errorText(new Error(''))).toBe('出错了，请稍后重试');
    expect(errorText('boom')).toBe('出错了，请稍后重试');
    expect(errorCode(new Error('x'))).toBeNull();
  });
});
