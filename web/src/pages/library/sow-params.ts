// The SOW builder's inputs and their place in the URL (`rate`, `fte`, `buffer`, `currency`,
// `client`): read as typed text, checked before anything is sent, defaults left out of the URL.

export const SOW_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'SGD', 'INR', 'ZAR', 'BRL', 'MXN'] as const;

export interface SowFields {
  dayRate: string;
  fteCount: string;
  bufferPercent: string;
  currency: string;
  clientName: string;
}

export const SOW_DEFAULTS: SowFields = { dayRate: '1200', fteCount: '2', bufferPercent: '25', currency: 'USD', clientName: '' };

const PARAMS: Readonly<Record<keyof SowFields, string>> = {
  dayRate: 'rate',
  fteCount: 'fte',
  bufferPercent: 'buffer',
  currency: 'currency',
  clientName: 'client',
};

export function readSowFields(params: URLSearchParams): SowFields {
  const read = (field: keyof SowFields) => params.get(PARAMS[field]) ?? SOW_DEFAULTS[field];
  return {
    dayRate: read('dayRate'),
    fteCount: read('fteCount'),
    bufferPercent: read('bufferPercent'),
    currency: read('currency').toUpperCase(),
    clientName: read('clientName'),
  };
}

export function writeSowFields(params: URLSearchParams, fields: SowFields): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const field of Object.keys(PARAMS) as Array<keyof SowFields>) {
    const value = fields[field].trim();
    if (value === SOW_DEFAULTS[field] || value === '') next.delete(PARAMS[field]);
    else next.set(PARAMS[field], value);
  }
  return next;
}

export interface SowRequestBody {
  dayRate: number;
  fteCount: number;
  bufferPercent: number;
  currency: string;
  clientName?: string;
}

export type SowCheck = { ok: true; body: SowRequestBody } | { ok: false; errors: Partial<Record<keyof SowFields, string>> };

/** Checks the fields as the server would, so an obvious typo is explained before a request is made. */
export function checkSowFields(fields: SowFields): SowCheck {
  const errors: Partial<Record<keyof SowFields, string>> = {};
  const number = (field: 'dayRate' | 'fteCount' | 'bufferPercent', min: number, max: number, allowZero: boolean): number => {
    const text = fields[field].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) errors[field] = 'must be a number';
    else if (allowZero ? value < min : value <= min) errors[field] = allowZero ? `must be ${min} or more` : `must be greater than ${min}`;
    else if (value > max) errors[field] = `must be at most ${max.toLocaleString('en-US')}`;
    return value;
  };
  const dayRate = number('dayRate', 0, 100_000, false);
  const fteCount = number('fteCount', 0, 100, false);
  const bufferPercent = number('bufferPercent', 0, 200, true);
  const currency = fields.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'must be a three-letter ISO 4217 code such as USD';
  const clientName = fields.clientName.trim();
  if (clientName.length > 120) errors.clientName = 'must be at most 120 characters';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { dayRate, fteCount, bufferPercent, currency, ...(clientName !== '' ? { clientName } : {}) } };
}

/** The server names a bad field by pointer (`/dayRate`); map it back to the input. */
export function fieldOfPointer(pointer: string | undefined): keyof SowFields | null {
  const name = (pointer ?? '').replace(/^\//, '').split('/')[0] ?? '';
  return name in PARAMS ? (name as keyof SowFields) : null;
}

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
  } catch {
    // A well-formed code the browser does not know: the number and the code.
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}
