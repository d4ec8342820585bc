import { resolveMediaUrl } from './media-url';

describe('resolveMediaUrl', () => {
  it('prefixes a media path with the API base', () => {
    expect(resolveMediaUrl('http://127.0.0.1:3000', '/media/p/1.jpg')).toBe('http://127.0.0.1:3000/media/p/1.jpg');
  });

  it('joins with exactly one slash whatever the base and path look like', () => {
    expect(resolveMediaUrl('https://api.example.com/', 'media/p/1.jpg')).toBe('https://api.example.com/media/p/1.jpg');
  });

  it('leaves an absolute URL untouched', () => {
    expect(resolveMediaUrl('http://127.0.0.1:3000', 'https://cdn.example.com/a.jpg')).toBe('https://cdn.example.com/a.jpg');
  });
});
