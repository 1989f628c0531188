// RFC 6901 JSON pointers: how every error and warning says where it is.

/** Builds a pointer such as `/movements/0/beats/2/event` from path segments. */
export function toJsonPointer(path: ReadonlyArray<string | number>): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Appends segments to an existing pointer. */
export function childPointer(base: string, ...path: Array<string | number>): string {
  return base + toJsonPointer(path);
}
