// Both drivers parse the same column types the same way, so repositories see identical rows.
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;

/** bigint ids and counts stay below 2^53 in this product; numbers are easier to use than strings. */
export function parseInt8(value: string): number {
  return Number(value);
}
