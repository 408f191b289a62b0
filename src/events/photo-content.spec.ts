import { decodeStrictBase64, photoTypeOf } from './photo-content';

describe('photoTypeOf', () => {
  it('should read JPEG, PNG and WebP from their first bytes and nothing else', () => {
    const hex = (h: string) => Buffer.from(h, 'hex');
    expect(photoTypeOf(hex('ffd8ffe0'))).toBe('image/jpeg');
    expect(photoTypeOf(hex('89504e470d0a1a0a0000'))).toBe('image/png');
    expect(photoTypeOf(Buffer.from('RIFF\x1a\0\0\0WEBPVP8L', 'latin1'))).toBe('image/webp');
    // A RIFF that is not WebP (a WAV), a PNG signature cut short, GIF, SVG, nothing.
    expect(photoTypeOf(Buffer.from('RIFF\x1a\0\0\0WAVEfmt ', 'latin1'))).toBeNull();
    expect(photoTypeOf(hex('89504e470d0a1a'))).toBeNull();
    expect(photoTypeOf(Buffer.from('GIF89a', 'latin1'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(photoTypeOf(hex('ffd8'))).toBeNull();
    expect(photoTypeOf(Buffer.alloc(0))).toBeNull();
  });
});

describe('decodeStrictBase64', () => {
  it('should decode canonical padded base64 only', () => {
    expect(decodeStrictBase64('aGk=')).toEqual(Buffer.from('hi'));
    expect(decodeStrictBase64('aGkh')).toEqual(Buffer.from('hi!'));
    for (const bad of [
      '',
      'aGk',
      'aGk==',
      'aGk=\n',
      ' aGk=',
      'aG k=',
      'aGl=',
      '-_-_',
      'aGk=aGk=',
      'a===',
    ]) {
      expect({ bad, bytes: decodeStrictBase64(bad) }).toEqual({ bad, bytes: null });
    }
  });
});
