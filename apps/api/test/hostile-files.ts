import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * The hostile upload set, made at test time (no binaries in the repository).
 * Each file is what an attacker or a careless phone actually sends; `expect`
 * says what the server must do with it.
 */
export type HostileExpectation =
  | { readonly kind: 'refused'; readonly status: number; readonly code: string }
  | { readonly kind: 'cleaned' };

export interface HostileFile {
  readonly label: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly expect: HostileExpectation;
}

const refused = (status: number, code: string): HostileExpectation => ({ kind: 'refused', status, code });

/** A phone photo: EXIF maker/model and a GPS position (30°15'30"N 120°9'E). */
export async function jpegWithGps(width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'FirebreakPhone', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 9/1 0/1' },
    })
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825) in either byte order. */
export function hasGpsTag(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

/** A JPEG whose comment segment carries HTML: valid image, and a page if a browser sniffs it. */
async function jpegHtmlPolyglot(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#39c' } }).jpeg().toBuffer();
  const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
  const com = Buffer.alloc(4);
  com[0] = 0xff;
  com[1] = 0xfe; // COM marker
  com.writeUInt16BE(html.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), com, html, jpeg.subarray(2)]);
}

/** GIF header, then HTML: opens as a GIF and as a page. */
function gifHtmlPolyglot(): Buffer {
  const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;', 'latin1');
  return Buffer.concat([gif, Buffer.from('<html><script>alert(1)</script></html>')]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A complete, valid PNG of `side`×`side` 1-bit pixels, all zero: about 50 MB
 * of raw rows that deflate to a few tens of kilobytes, and far more once
 * decoded to 8-bit RGB. A decoder that trusts it runs out of memory.
 */
export function decompressionBombPng(side = 20_000): Buffer {
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + packed bits
  const raw = Buffer.alloc(rowBytes * side); // zeros: filter 0, black pixels
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pdfWithJavaScript(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.7',
      '1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
      '3 0 obj << /Type /Action /S /JavaScript /JS (app.alert\\("pwned"\\)) >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
    'latin1',
  );
}

async function truncatedJpeg(): Promise<Buffer> {
  const full = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg()
    .toBuffer();
  return full.subarray(0, Math.floor(full.length / 2));
}

/** A 50 MB file that starts like a JPEG, so only its size can refuse it. */
function fiftyMegabytes(): Buffer {
  const b = Buffer.alloc(50 * 1024 * 1024, 0x41);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  b[3] = 0xe0;
  return b;
}

export async function hostileFiles(): Promise<HostileFile[]> {
  return [
    { label: 'JPEG with EXIF GPS', filename: 'IMG_0001.jpg', contentType: 'image/jpeg', bytes: await jpegWithGps(), expect: { kind: 'cleaned' } },
    {
      label: 'SVG with script',
      filename: 'hazard.svg',
      contentType: 'image/svg+xml',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'),
      expect: refused(415, 'UPLOAD.UNSUPPORTED_TYPE'),
    },
    { label: 'GIF/HTML polyglot', filename: 'photo.gif', contentType: 'image/gif', bytes: gifHtmlPolyglot(), expect: refused(415, 'UPLOAD.UNSUPPORTED_TYPE') },
    { label: 'JPEG/HTML polyglot', filename: 'photo.jpg', contentType: 'image/jpeg', bytes: await jpegHtmlPolyglot(), expect: { kind: 'cleaned' } },
    {
      label: 'HTML named .jpg',
      filename: 'photo.jpg',
      contentType: 'image/jpeg',
      bytes: Buffer.from('<!doctype html><html><body><script>fetch("/trpc/auth.me")</script></body></html>'),
      expect: refused(415, 'UPLOAD.UNSUPPORTED_TYPE'),
    },
    { label: 'decompression bomb PNG (20000×20000)', filename: 'bomb.png', contentType: 'image/png', bytes: decompressionBombPng(), expect: refused(413, 'UPLOAD.TOO_MANY_PIXELS') },
    { label: '50 MB file', filename: 'big.jpg', contentType: 'image/jpeg', bytes: fiftyMegabytes(), expect: refused(413, 'UPLOAD.TOO_LARGE') },
    { label: 'truncated JPEG', filename: 'cut.jpg', contentType: 'image/jpeg', bytes: await truncatedJpeg(), expect: refused(422, 'UPLOAD.UNREADABLE') },
    { label: 'PDF with JavaScript', filename: 'scan.jpg', contentType: 'application/pdf', bytes: pdfWithJavaScript(), expect: refused(415, 'UPLOAD.UNSUPPORTED_TYPE') },
  ];
}
