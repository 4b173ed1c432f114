import { createRequire } from 'node:module';

// pngjs ships no types and the project adds no @types for it: type the little the browser tests use.
export interface Png {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}
interface PngModule {
  PNG: { new (size: { width: number; height: number }): Png; sync: { read(buf: Buffer): Png; write(png: Png): Buffer } };
}
export const { PNG } = createRequire(import.meta.url)('pngjs') as PngModule;
