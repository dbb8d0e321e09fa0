import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageType } from './sniff-image-type';

function ftyp(major: string, compatible: string[]): Uint8Array {
  const brands = [major, '\0\0\0\0', ...compatible].join('');
  const size = 8 + brands.length;
  return Uint8Array.from([0, 0, 0, size, ...Buffer.from(`ftyp${brands}`, 'latin1'), 0, 0, 0, 8]);
}

describe('sniffImageType', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)('recognises %s made by sharp', async (format, mime) => {
    const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123' } }).toFormat(format).toBuffer();
    expect(sniffImageType(bytes)).toBe(mime);
  });

  it('recognises HEIC by its brands, in the major or a compatible slot', () => {
    expect(sniffImageType(ftyp('heic', ['mif1', 'heic']))).toBe('image/heic');
    expect(sniffImageType(ftyp('mif1', ['heix']))).toBe('image/heic');
    expect(sniffImageType(ftyp('mif1', ['avif']))).toBe('image/avif');
  });

  it.each([
    ['empty', new Uint8Array()],
    ['text', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['GIF', Buffer.from('GIF89a', 'latin1')],
    ['a RIFF that is not WebP', Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1')],
    ['an MP4', ftyp('isom', ['iso2', 'mp41'])],
    ['two bytes of JPEG', Uint8Array.from([0xff, 0xd8])],
  ])('refuses %s', (_label, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });
});
