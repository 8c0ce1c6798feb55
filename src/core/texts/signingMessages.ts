/**
 * The texts of the two signing rules (signed-bytes-mismatch, digest-over-parsed-body), in English
 * and Traditional Chinese, by id: why the bytes signed are not the bytes sent, where the DIGEST is
 * made, and each framework's way to the raw body. Pure data.
 */
import type { Lang, Localized } from '../../data/types';
import { type Args, localize } from './localize';

const SIGNING_MESSAGES = {
  'signed-serializer': {
    en: 'it signs {signed} (line {line}) but sends {sent}: two serializations of {root}, so other bytes, and JKOPay refuses the signature. Serialize once, then sign that string and send that same string.',
    'zh-TW':
      '簽章的是 {signed}（第 {line} 行），送出的卻是 {sent}：同一個 {root} 的兩種序列化，位元組不同，街口會拒絕簽章。請只序列化一次，對那個字串簽章並送出同一個字串。',
  },
  'signed-client-json': {
    en: 'it signs {signed} (line {line}) but hands {root} to {client}, which sends JSON.stringify({root}): other bytes, and JKOPay refuses the signature. Serialize once, sign that string and send it as the body.',
    'zh-TW':
      '簽章的是 {signed}（第 {line} 行），卻把 {root} 交給 {client}，它送出的是 JSON.stringify({root})：位元組不同，街口會拒絕簽章。請只序列化一次，對那個字串簽章並把它當作內容送出。',
  },
  'signed-params': {
    en: "it signs {signed} (line {line}) but the query goes out as {client}'s {option}, which the client serializes itself (axios writes an array as platform_order_ids[]=…, URLSearchParams a comma as %2C). Build the query string once, sign it and put that string in the URL: platform_order_ids=a,b.",
    'zh-TW':
      '簽章的是 {signed}（第 {line} 行），查詢字串卻以 {client} 的 {option} 送出，由用戶端自行序列化（axios 把陣列寫成 platform_order_ids[]=…，URLSearchParams 把逗號寫成 %2C）。請只組一次查詢字串，對它簽章，並把同一個字串放進網址：platform_order_ids=a,b。',
  },
  'signed-changed': {
    en: 'it signs {signed} (line {line}), but {root} is changed at line {changed} before {sent} is sent: the bytes sent are not the bytes signed. Sign after the last change.',
    'zh-TW':
      '簽章的是 {signed}（第 {line} 行），但 {root} 在第 {changed} 行被修改後才以 {sent} 送出：送出的位元組不是簽章的位元組。請在最後一次修改之後再簽章。',
  },
  'signed-here': { en: 'The DIGEST is computed over this: {signed}', 'zh-TW': 'DIGEST 是對這裡計算的：{signed}' },
  'parsed-reserialized': {
    en: 'the parsed body serialized again, not the bytes JKOPay sent (spacing, key order and escapes differ: JKOPay\'s documentation writes JSON with ": "), so a real notification fails the check',
    'zh-TW':
      '也就是解析後再序列化的內容，而不是街口送來的位元組（空白、鍵的順序與跳脫字元都會不同：街口文件的 JSON 寫法是「: 」），真正的通知會驗證失敗',
  },
  'parsed-bare': {
    en: 'the body already parsed as JSON, where verifyDigest and createHmac need the raw bytes as received',
    'zh-TW': '也就是已解析為 JSON 的內容，但 verifyDigest 與 createHmac 需要收到的原始位元組',
  },
  'route-express': {
    en: "Express: express.raw({ type: 'application/json' }) on this route (before express.json()), then JSON.parse(req.body) after the check",
    'zh-TW': "Express：在此路由掛上 express.raw({ type: 'application/json' })（在 express.json() 之前），驗證後再 JSON.parse(req.body)",
  },
  'route-fastify': {
    en: "Fastify: a content-type parser with parseAs: 'buffer' that keeps the buffer (req.rawBody) before parsing it",
    'zh-TW': "Fastify：以 parseAs: 'buffer' 的 content-type parser 保留原始 buffer（req.rawBody），再解析",
  },
  'route-koa': {
    en: "Koa: koa-bodyparser's ctx.request.rawBody, or koa-body with includeUnparsed: true",
    'zh-TW': 'Koa：koa-bodyparser 的 ctx.request.rawBody，或 koa-body 搭配 includeUnparsed: true',
  },
  'route-next': {
    en: 'Next.js: const raw = await request.text(), then JSON.parse(raw) after the check',
    'zh-TW': 'Next.js：const raw = await request.text()，驗證後再 JSON.parse(raw)',
  },
  'route-hono': {
    en: 'Hono: const raw = await c.req.text(), then JSON.parse(raw) after the check',
    'zh-TW': 'Hono：const raw = await c.req.text()，驗證後再 JSON.parse(raw)',
  },
} as const satisfies Record<string, Localized>;

export type SigningMessageId = keyof typeof SIGNING_MESSAGES;

export function signingMessage(lang: Lang, id: SigningMessageId, args?: Args): string {
  return localize(SIGNING_MESSAGES[id], lang, args);
}
