// A black-and-white PNG from a grid of modules, written by hand: 1 bit per pixel, deflated
// with fflate. No image library needed for two colours and square pixels.
import { zlibSync } from "fflate";
import { concatBytes } from "../bytes";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * `dark[y][x]` true for a black module; each module `scale` × `scale` pixels, inside a white
 * margin of `quiet` modules.
 */
export function monochromePng(dark: readonly (readonly boolean[])[], scale: number, quiet = 0): Uint8Array {
  const modules = dark.length + 2 * quiet;
  const size = modules * scale;
  const rowBytes = Math.ceil(size / 8);
  const stride = rowBytes + 1; // each row starts with its filter byte, 0: none
  // Grey 1 bit: 1 is white. Start all white, then clear the dark modules' bits.
  const white = new Uint8Array(stride).fill(0xff);
  white[0] = 0;
  const raw = new Uint8Array(stride * size);
  for (let y = 0; y < size; y++) raw.set(white, y * stride);
  const line = new Uint8Array(stride);
  dark.forEach((row, my) => {
    // One module row packed once, then repeated `scale` times.
    line.set(white);
    row.forEach((on, mx) => {
      if (!on) return;
      for (let x = (mx + quiet) * scale, end = x + scale; x < end; x++) line[1 + (x >> 3)] &= ~(0x80 >> (x & 7));
    });
    for (let k = 0; k < scale; k++) raw.set(line, ((my + quiet) * scale + k) * stride);
  });
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    // Level 1 and the smallest hash table: a code is a few kilobytes of long runs.
    chunk("IDAT", zlibSync(raw, { level: 1, mem: 0 })),
    chunk("IEND", new Uint8Array()),
  ]);
}
