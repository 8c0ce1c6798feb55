/**
 * How an inquiry's query string names its orders. JKOPay documents one parameter with the ids
 * joined by commas, `platform_order_ids=a,b`, signed as written (reference §6.1, V1/V5). Public
 * clients also write the comma percent-encoded (`URLSearchParams`, `http_build_query`:
 * `a%2Cb`) or the ids as an array the way `qs` and PHP do (`platform_order_ids[]=a&…`,
 * `platform_order_ids[0]=a&…`, brackets raw or encoded), or repeat the parameter. This module
 * reads any of these forms and writes each of them, so that the mock can name the form it got and
 * the DIGEST doctor can try the forms a client may have signed instead. Pure.
 */

export const INQUIRY_PARAM = 'platform_order_ids';

/**
 * - `canonical`: `platform_order_ids=a,b` (one id is canonical too);
 * - `encoded-comma`: one parameter whose ids are separated by `%2C`;
 * - `brackets`: `platform_order_ids[]=a&platform_order_ids[]=b` (brackets raw or `%5B%5D`);
 * - `indexed`: `platform_order_ids[0]=a&…` (raw or `%5B0%5D`);
 * - `repeated`: `platform_order_ids=a&platform_order_ids=b`;
 * - `missing`: no such parameter at all.
 */
export type InquiryQueryForm = 'canonical' | 'encoded-comma' | 'brackets' | 'indexed' | 'repeated' | 'missing';

export interface InquiryQuery {
  form: InquiryQueryForm;
  /** The ids as the query writes them (still percent-encoded), in order. */
  rawIds: string[];
}

/** A parameter name that is the ids', with what follows it: `` (plain), `[]` or `[N]`, raw or percent-encoded. */
const NAME = /^platform_order_ids(?:(\[\]|%5[Bb]%5[Dd])|(?:\[|%5[Bb])(\d+)(?:\]|%5[Dd]))?$/;

/** Reads the ids of a raw query string (without `?`) and the form they are written in. */
export function readInquiryQuery(rawQuery: string): InquiryQuery {
  const values: { value: string; shape: 'plain' | 'brackets' | 'indexed' }[] = [];
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const m = NAME.exec(name);
    if (!m) continue;
    values.push({ value: eq < 0 ? '' : pair.slice(eq + 1), shape: m[1] ? 'brackets' : m[2] !== undefined ? 'indexed' : 'plain' });
  }
  if (values.length === 0) return { form: 'missing', rawIds: [] };
  const shape = values.find((v) => v.shape !== 'plain')?.shape;
  if (shape === 'brackets' || shape === 'indexed') return { form: shape, rawIds: values.map((v) => v.value) };
  if (values.length > 1) return { form: 'repeated', rawIds: values.map((v) => v.value) };
  const value = values[0].value;
  if (/%2C/i.test(value) && !value.includes(',')) return { form: 'encoded-comma', rawIds: value.split(/%2C/i) };
  return { form: 'canonical', rawIds: value.split(',') };
}

/** The query in a given form, from ids as they are written in the query (percent-encoded where they need it). */
export function writeInquiryQuery(rawIds: readonly string[], form: Exclude<InquiryQueryForm, 'missing'>, encodeBrackets = false): string {
  const open = encodeBrackets ? '%5B' : '[';
  const close = encodeBrackets ? '%5D' : ']';
  switch (form) {
    case 'canonical':
      return `${INQUIRY_PARAM}=${rawIds.join(',')}`;
    case 'encoded-comma':
      return `${INQUIRY_PARAM}=${rawIds.join('%2C')}`;
    case 'brackets':
      return rawIds.map((id) => `${INQUIRY_PARAM}${open}${close}=${id}`).join('&');
    case 'indexed':
      return rawIds.map((id, i) => `${INQUIRY_PARAM}${open}${i}${close}=${id}`).join('&');
    case 'repeated':
      return rawIds.map((id) => `${INQUIRY_PARAM}=${id}`).join('&');
  }
}
