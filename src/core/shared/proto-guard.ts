// Guards against prototype poisoning through parsed JSON (`__proto__`, `constructor.prototype`).

export function hasProtoKey(value: unknown, depth = 0): boolean {
  if (depth > 200 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasProtoKey(v, depth + 1));
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return true;
    const child = (value as Record<string, unknown>)[key];
    if (key === 'constructor' && child !== null && typeof child === 'object' && Object.prototype.hasOwnProperty.call(child, 'prototype')) return true;
    if (hasProtoKey(child, depth + 1)) return true;
  }
  return false;
}
