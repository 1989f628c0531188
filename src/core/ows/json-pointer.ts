// RFC 6901 JSON pointers: every validation error in the OWS core names where it is.

/** Builds a JSON pointer from a path of keys, escaping `~` and `/` as RFC 6901 requires. */
export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key) => '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A problem found in a document, located by JSON pointer ('' is the whole document). */
export interface PointerIssue {
  pointer: string;
  message: string;
}
