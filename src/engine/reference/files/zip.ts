/**
 * A minimal reader for the zip files CMS and CDC publish (and for .xlsx, which is a zip):
 * central directory, stored or deflated members, CRC-checked. Inflating uses the
 * platform's DecompressionStream ('deflate-raw'), present in browsers, workers and Node 20,
 * so no dependency is needed. Zip64, encryption and split archives are refused.
 */
export interface ZipEntry {
  /** Path inside the archive, '/'-separated; folders end with '/'. */
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_HEADER;
}

export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const eocd = findEndOfCentralDirectory(dv);
  const count = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || dv.getUint32(offset, true) !== CENTRAL_HEADER) {
      throw new Error(`corrupt zip: central directory entry ${i + 1} not found`);
    }
    const flags = dv.getUint16(offset + 8, true);
    const method = dv.getUint16(offset + 10, true);
    const crc = dv.getUint32(offset + 16, true);
    const compressedSize = dv.getUint32(offset + 20, true);
    const size = dv.getUint32(offset + 24, true);
    const nameLength = dv.getUint16(offset + 28, true);
    const extraLength = dv.getUint16(offset + 30, true);
    const commentLength = dv.getUint16(offset + 32, true);
    const localOffset = dv.getUint32(offset + 42, true);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'windows-1252').decode(
      bytes.subarray(offset + 46, offset + 46 + nameLength),
    );
    offset += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw new Error(`${name}: zip64 members are not supported`);
    entries.push({
      name,
      size,
      read: async () => {
        if (flags & 1) throw new Error(`${name}: encrypted zip members are not supported`);
        if (dv.getUint32(localOffset, true) !== LOCAL_HEADER) throw new Error(`${name}: corrupt zip (local header missing)`);
        const start = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
        const raw = bytes.subarray(start, start + compressedSize);
        const data = method === 0 ? raw : method === 8 ? await inflateRaw(raw) : unsupported(name, method);
        if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: corrupt zip member (size or CRC mismatch)`);
        return data;
      },
    });
  }
  return entries;
}

function unsupported(name: string, method: number): never {
  throw new Error(`${name}: zip compression method ${method} is not supported (only stored and deflate)`);
}

function findEndOfCentralDirectory(dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const last = dv.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (dv.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  throw new Error('not a zip file (end of central directory not found)');
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
