import { BinaryWriter } from "cosmjs-types/binary";

/**
 * cosmjs-types 0.11's BinaryWriter.alloc builds a fresh 8 KiB slab pool on every call, so each
 * `encode(...).finish()` allocates 8 KiB however small the message; in block execution that was
 * a tenth of the CPU time plus most of the GC. Exact-size buffers are what the pool was meant to
 * approximate, and the output bytes are identical.
 */
let patched = false;

export function useExactSizeProtobufBuffers(): void {
  if (patched) return;
  patched = true;
  BinaryWriter.alloc = (size: number): Uint8Array => new Uint8Array(size);
}

useExactSizeProtobufBuffers();
