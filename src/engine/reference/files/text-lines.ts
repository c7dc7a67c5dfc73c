/**
 * Lines of a text file, decoded chunk by chunk so that a 100 MB release file never
 * becomes one string. CRLF and LF both end a line; a final line without an end is kept.
 * Official CMS/CDC files are ASCII; anything that is not valid UTF-8 is read as
 * Windows-1252 (what CMS's Windows tools write) rather than turned into U+FFFD.
 */
export function* textLines(bytes: Uint8Array, chunkSize = 1 << 20): Generator<string> {
  const decoder = new TextDecoder(isUtf8(bytes, chunkSize) ? 'utf-8' : 'windows-1252');
  let carry = '';
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    const text = carry + decoder.decode(bytes.subarray(offset, offset + chunkSize), { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      yield text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
    }
    carry = text.slice(start);
  }
  carry += decoder.decode();
  if (carry.length > 0) yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}

function isUtf8(bytes: Uint8Array, chunkSize: number): boolean {
  if (!bytes.some((b) => b > 0x7f)) return true;
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let offset = 0; offset < bytes.length; offset += chunkSize) {
      strict.decode(bytes.subarray(offset, offset + chunkSize), { stream: true });
    }
    strict.decode();
    return true;
  } catch {
    return false;
  }
}
