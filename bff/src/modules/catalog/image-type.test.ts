import { sniffImageType } from './image-type';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageType', () => {
  it('recognises a PNG by its 8-byte signature', () => {
    expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
  });

  it('recognises a JPEG by its SOI marker', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('recognises a WebP by its RIFF container and WEBP form type', () => {
    expect(sniffImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('rejects a RIFF file that is not WebP (a WAV)', () => {
    expect(sniffImageType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
  });

  it('rejects text whatever its name claims', () => {
    expect(sniffImageType(bytes('<script>alert(1)</script>'))).toBeNull();
  });

  it('rejects a truncated signature', () => {
    expect(sniffImageType(bytes([0x89], 'PN'))).toBeNull();
  });
});
