/**
 * The exact request a payload becomes: for entry and refund the JSON body, for inquiry the
 * query string. Built once from the payload model and then both signed and sent, so the DIGEST
 * always covers the bytes on the wire. Numbers keep their source text (`100.50` stays `100.50`,
 * a 20-digit integer stays exact: no float in between); keys and strings are written as JSON;
 * the editor-only `$schema` key is dropped. Duplicate keys are kept as written, which is what the
 * checker's duplicate-field warning tells the user.
 */
import type { Endpoint, Lang, Localized } from '../data/types';
import { SCHEMA_KEY, type Args, localize, type ObjectNode, type Payload, runtimePart, type ValueNode, hasLoneSurrogate } from '../core';

/** Why a payload cannot become a request, in both display languages (the runner and `jkopay send` show them). */
const BUILD_REASONS = {
  'saved-response': {
    en: 'this is a saved JKOPay response, not a request: there is nothing to send',
    'zh-TW': '這是儲存下來的街口支付回應，不是請求：沒有可送出的內容',
  },
  'no-value': { en: '"{field}" has no value', 'zh-TW': '「{field}」沒有值' },
  'not-json-number': {
    en: '"{field}" is {text}, which is not a JSON number: write it as a plain decimal such as 100 or 100.50',
    'zh-TW': '「{field}」是 {text}，不是 JSON 數字：請寫成一般的十進位數字，例如 100 或 100.50',
  },
  'runtime-value': {
    en: '"{field}" is only known when the program runs; write a literal value to send this payload',
    'zh-TW': '「{field}」要到程式執行時才知道；請寫成字面值才能送出此 payload',
  },
  spread: {
    en: 'some of its fields come from a spread or a computed key, which only the running program knows; write them in the literal to send this payload',
    'zh-TW': '它有部分欄位來自展開運算或計算出的鍵，要到程式執行時才知道；請把欄位寫進字面值才能送出此 payload',
  },
  assigned: {
    en: '"{field}" is assigned after the literal; write it in the literal to send this payload',
    'zh-TW': '「{field}」是在字面值之後才指定的；請把它寫進字面值才能送出此 payload',
  },
  'order-id-not-string': { en: 'platform_order_ids[{index}] must be a string', 'zh-TW': 'platform_order_ids[{index}] 必須是字串' },
  'no-order-ids': {
    en: 'an inquiry needs platform_order_ids: an array of ids or one comma-joined string',
    'zh-TW': '查詢需要 platform_order_ids：一個訂單編號陣列，或一個以逗號連接的字串',
  },
  'empty-order-id': { en: 'platform_order_ids has an empty id', 'zh-TW': 'platform_order_ids 中有空的編號' },
  'lone-surrogate': {
    en: 'platform_order_ids[{index}] holds a lone UTF-16 surrogate and cannot be sent',
    'zh-TW': 'platform_order_ids[{index}] 含有不成對的 UTF-16 代理字元，無法送出',
  },
} satisfies Record<string, Localized>;

/** A payload that cannot be turned into a request (a value unknown until run time, a saved response…). Its message is English. */
export class RequestBuildError extends Error {
  constructor(
    readonly reason: keyof typeof BUILD_REASONS,
    readonly args: Args = {},
  ) {
    super(localize(BUILD_REASONS[reason], 'en', args));
  }

  /** The reason in the display language. */
  messageIn(lang: Lang): string {
    return localize(BUILD_REASONS[this.reason], lang, this.args);
  }
}

export interface PreparedRequest {
  endpoint: Endpoint;
  method: 'POST' | 'GET';
  /** Path and, for inquiry, the query: `/platform/inquiry?platform_order_ids=a,b`. */
  path: string;
  /** The JSON body of a POST, exactly as sent. */
  body?: string;
  /** Exactly what the DIGEST is computed over: the body (POST) or the query string without `?` (GET). */
  signedText: string;
}

export const ENDPOINT_PATHS: Record<Endpoint, string> = {
  entry: '/platform/entry',
  refund: '/platform/refund',
  inquiry: '/platform/inquiry',
};

/** JSON's number grammar: a source number in any other spelling (`0x10`, `1_000`, `.5`) cannot be sent as written. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function prepareRequest(payload: Payload): PreparedRequest {
  // What the literal does not hold is not sent: a body without it would be another request than the program's.
  const part = payload.kind === 'response' ? undefined : runtimePart(payload.node);
  if (part) throw new RequestBuildError(part.kind === 'value' ? 'runtime-value' : part.kind, 'field' in part ? { field: part.field } : {});
  switch (payload.kind) {
    case 'entry':
    case 'refund': {
      const body = buildRequestBody(payload.node);
      return { endpoint: payload.kind, method: 'POST', path: ENDPOINT_PATHS[payload.kind], body, signedText: body };
    }
    case 'inquiry': {
      const query = buildInquiryQuery(payload.node);
      return { endpoint: 'inquiry', method: 'GET', path: `${ENDPOINT_PATHS.inquiry}?${query}`, signedText: query };
    }
    default:
      throw new RequestBuildError('saved-response');
  }
}

/** The compact JSON body of a POST payload, `$schema` dropped. */
export function buildRequestBody(node: ObjectNode): string {
  return writeObject(node, true);
}

function writeObject(node: ObjectNode, topLevel: boolean): string {
  const parts: string[] = [];
  for (const property of node.properties) {
    if (topLevel && property.key === SCHEMA_KEY) continue;
    if (!property.value) throw new RequestBuildError('no-value', { field: property.key });
    parts.push(`${JSON.stringify(property.key)}:${writeValue(property.value, property.key)}`);
  }
  return `{${parts.join(',')}}`;
}

function writeValue(node: ValueNode, where: string): string {
  switch (node.type) {
    case 'object':
      return writeObject(node, false);
    case 'array':
      return `[${node.items.map((item, i) => writeValue(item, `${where}[${i}]`)).join(',')}]`;
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      if (!JSON_NUMBER.test(node.text)) {
        throw new RequestBuildError('not-json-number', { field: where, text: node.text });
      }
      return node.text;
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'unknown':
      throw new RequestBuildError('runtime-value', { field: where });
  }
}

/**
 * `platform_order_ids=a,b` from the inquiry payload's ids (an array or one comma-joined string).
 * Each id is percent-encoded on its own so that the separating commas stay literal, as JKOPay signs them.
 */
export function buildInquiryQuery(node: ObjectNode): string {
  const property = node.properties.filter((p) => p.key === 'platform_order_ids').pop();
  const value = property?.value;
  let ids: string[];
  if (value?.type === 'string') ids = value.value.split(',');
  else if (value?.type === 'array') {
    ids = value.items.map((item, i) => {
      if (item.type !== 'string') throw new RequestBuildError('order-id-not-string', { index: i });
      return item.value;
    });
  } else throw new RequestBuildError('no-order-ids');
  if (ids.length === 0 || ids.some((id) => id === '')) throw new RequestBuildError('empty-order-id');
  return `platform_order_ids=${inquiryIds(ids)}`;
}

/** The ids part of the inquiry query: each id percent-encoded, joined by a literal comma. */
export function inquiryIds(ids: readonly string[]): string {
  return ids
    .map((id, i) => {
      // encodeURIComponent throws a URIError on half a surrogate pair: say which id instead.
      if (hasLoneSurrogate(id)) throw new RequestBuildError('lone-surrogate', { index: i });
      return encodeURIComponent(id);
    })
    .join(',');
}
