import { toQueryString } from './query-string';

describe('toQueryString', () => {
  it('leaves out null and undefined values', () => {
    expect(toQueryString({ limit: 20, cursor: null, q: undefined })).toBe('?limit=20');
  });

  it('encodes keys and values, Chinese keywords included', () => {
    expect(toQueryString({ q: '苹果 & 梨', cursor: 'a/b=' })).toBe('?q=%E8%8B%B9%E6%9E%9C%20%26%20%E6%A2%A8&cursor=a%2Fb%3D');
  });

  it('is empty when nothing is left', () => {
    expect(toQueryString({ cursor: undefined })).toBe('');
  });
});
