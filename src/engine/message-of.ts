/** The readable part of anything thrown: an Error's message, else the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Anything thrown as an Error (a thrown string or value becomes one with that text). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
