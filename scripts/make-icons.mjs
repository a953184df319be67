// Draws the app's install icons (public/icon.svg, icon-192.png, icon-512.png, icon-maskable-512.png)
// from the favicon's shape, a looping arrow, with nothing but node:zlib: no image tools, no network.
//
//   node scripts/make-icons.mjs        (npm run icons)
//
// The PNGs are rasterised here (4×4 supersampling) from the same geometry as the SVG, in a 32-unit box:
// an arc of radius 10 around (16, 16) from 0° to 314.6° (y down), 3.5 wide with round ends, and a
// triangular arrowhead (24.5, 3.5) (24.5, 10.5) (17.5, 10.5).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const BACKGROUND = [0x4f, 0x46, 0xe5];
const FOREGROUND = [0xff, 0xff, 0xff];

const ARC = { cx: 16, cy: 16, r: 10, half: 1.75, end: Math.atan2(8.9 - 16, 23 - 16) + 2 * Math.PI };
const ARC_START = [ARC.cx + ARC.r, ARC.cy];
const ARC_END = [ARC.cx + ARC.r * Math.cos(ARC.end), ARC.cy + ARC.r * Math.sin(ARC.end)];
const HEAD = [
  [24.5, 3.5],
  [24.5, 10.5],
  [17.5, 10.5],
];

/** Whether the point (x, y) of the 32-unit box is inside the arrow. */
function inArrow(x, y) {
  const dx = x - ARC.cx;
  const dy = y - ARC.cy;
  let angle = Math.atan2(dy, dx);
  if (angle < 0) angle += 2 * Math.PI;
  if (angle <= ARC.end && Math.abs(Math.hypot(dx, dy) - ARC.r) <= ARC.half) return true;
  for (const [px, py] of [ARC_START, ARC_END])
    if (Math.hypot(x - px, y - py) <= ARC.half) return true;
  // Triangle: same side of all three edges.
  let sign = 0;
  for (let i = 0; i < 3; i++) {
    const [ax, ay] = HEAD[i];
    const [bx, by] = HEAD[(i + 1) % 3];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross !== 0) {
      if (sign !== 0 && Math.sign(cross) !== sign) return false;
      sign = Math.sign(cross);
    }
  }
  return true;
}

/** Whether (u, v) in [0, 1]² is inside a square with rounded corners of radius `round` (same units). */
function inRoundedSquare(u, v, round) {
  const cx = Math.min(Math.max(u, round), 1 - round);
  const cy = Math.min(Math.max(v, round), 1 - round);
  return Math.hypot(u - cx, v - cy) <= round;
}

/**
 * RGBA pixels of a `size`-pixel icon: the background square (corner radius `round` of the side; 0 is
 * full-bleed, as maskable icons need), with the arrow's 32-unit box scaled to `art` of the side, centred.
 */
function render(size, { round, art }) {
  const SS = 4;
  const pixels = Buffer.alloc(size * size * 4);
  const offset = (1 - art) / 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let ink = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (px + (sx + 0.5) / SS) / size;
          const v = (py + (sy + 0.5) / SS) / size;
          if (!inRoundedSquare(u, v, round)) continue;
          cover++;
          if (inArrow(((u - offset) / art) * 32, ((v - offset) / art) * 32)) ink++;
        }
      }
      const i = (py * size + px) * 4;
      const t = cover ? ink / cover : 0;
      for (let c = 0; c < 3; c++)
        pixels[i + c] = Math.round(BACKGROUND[c] * (1 - t) + FOREGROUND[c] * t);
      pixels[i + 3] = Math.round((255 * cover) / (SS * SS));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG of `size`×`size` pixels. */
function png(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="6" fill="#4f46e5"/>
  <g transform="translate(5.6 5.6) scale(0.65)">
    <path d="M26 16a10 10 0 1 1-3-7.1" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/>
    <path d="M24.5 3.5v7h-7z" fill="#fff"/>
  </g>
</svg>
`;

mkdirSync(PUBLIC, { recursive: true });
writeFileSync(join(PUBLIC, 'icon.svg'), SVG);
for (const size of [192, 512])
  writeFileSync(
    join(PUBLIC, `icon-${size}.png`),
    png(size, render(size, { round: 6 / 32, art: 0.65 })),
  );
// Maskable: full-bleed background, the arrow inside the central safe zone (a circle of 80% of the side).
writeFileSync(join(PUBLIC, 'icon-maskable-512.png'), png(512, render(512, { round: 0, art: 0.5 })));
console.log(`wrote icon.svg, icon-192.png, icon-512.png, icon-maskable-512.png to ${PUBLIC}`);
