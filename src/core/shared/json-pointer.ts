// RFC 6901 JSON pointers, used to say where in a document a problem is.

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => escapePointerSegment(typeof p === 'symbol' ? p.toString() : p)).join('/');
}
