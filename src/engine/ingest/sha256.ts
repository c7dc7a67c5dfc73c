import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { slices, type ByteSource } from './byte-source.ts';

/**
 * Hex SHA-256 of a source read slice by slice. Web Crypto's digest takes the whole
 * input at once, which for a large export would mean holding the whole file; this
 * hashes as it reads.
 */
export async function sha256Hex(source: ByteSource): Promise<string> {
  const hash = sha256.create();
  for await (const slice of slices(source)) hash.update(slice);
  return bytesToHex(hash.digest());
}
