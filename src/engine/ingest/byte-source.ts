/**
 * A file's bytes, read by range. A Blob (the browser's File) is read slice by
 * slice, so a large export never sits whole in the worker's memory beside what
 * DuckDB makes of it; bytes already in memory (Node, tests) are read in place.
 */
export interface ByteSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** What the hash and the format checks read at a time. */
export const SLICE_BYTES = 8 * 1024 * 1024;

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()) };
}

/** Every slice of the source in order. */
export async function* slices(source: ByteSource, sliceBytes = SLICE_BYTES): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < source.size; start += sliceBytes) yield source.read(start, Math.min(source.size, start + sliceBytes));
}
