// RFC 6901 pointers, the way the server names fields in problem details; used for our own
// response-validation errors so both read the same.
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
