// RFC 6901 JSON pointers for definition errors (kept local so this module depends on nothing
// outside journey/ and work/).
export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(typeof p === 'symbol' ? p.description ?? '' : p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
