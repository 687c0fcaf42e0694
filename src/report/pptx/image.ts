/** A raster logo pptxgenjs can embed: its data URL and pixel size (for keeping its aspect ratio). */
export interface RasterImage {
  /** "image/png;base64,..." as pptxgenjs takes it. */
  data: string;
  width: number;
  height: number;
}

/**
 * The report's logo data URL as a raster image, or null for an SVG logo
 * (pptxgenjs cannot make the PNG fallback PowerPoint and Google Slides need
 * under Node: writeReport has the browser draw it as a PNG first) or an image
 * whose size cannot be read.
 */
export function rasterLogo(dataUrl: string | null): RasterImage | null {
  const match = /^data:(image\/(?:png|jpeg|gif|webp));base64,(.*)$/s.exec(dataUrl ?? '');
  if (!match?.[1] || match[2] === undefined) return null;
  const size = imageSize(Buffer.from(match[2], 'base64'));
  return size ? { data: `${match[1]};base64,${match[2]}`, ...size } : null;
}

/** Width and height from the header of a PNG, GIF, JPEG or WebP file. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
  if (bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF') return positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8));
  if (bytes.length >= 30 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return webpSize(bytes);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return null;
}

function webpSize(bytes: Buffer): { width: number; height: number } | null {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return positive(1 + bytes.readUIntLE(24, 3), 1 + bytes.readUIntLE(27, 3));
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return positive(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
  }
  if (chunk === 'VP8 ') return positive(bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
  return null;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    // Start-of-frame markers (C0-CF, except DHT C4, JPG C8 and DAC CC) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive(bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5));
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return null;
}

function positive(width: number, height: number): { width: number; height: number } | null {
  return width > 0 && height > 0 ? { width, height } : null;
}
