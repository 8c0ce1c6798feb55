/**
 * A small typed merchant backend on node:http (Express works the same way; see docs/library.md):
 * - `POST /orders` `{"amount": 100}` creates the order and its JKOPay payment link (entry);
 * - `GET /orders/:id` shows the order;
 * - `POST /jkopay/confirm` answers JKOPay's confirm_url call before the charge;
 * - `POST /jkopay/result` takes the payment result (result_url).
 *
 * JKOPay's documentation does not say that its callbacks are signed (docs/callbacks.md). So a
 * callback's `digest` header is verified when there is one — over the raw body, read as bytes, not
 * parsed and re-serialised — and a wrong one is refused; a notification without one is not refused
 * for that, but believed only once the inquiry API confirms the payment. Refusing unsigned
 * notifications could refuse every real one.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createClient,
  verifyDigest,
  type ConfirmCallback,
  type ConfirmReply,
  type EntryResponse,
  type ResultCallback,
  type Transaction,
} from 'jkopay-tools';
import { OrderBook } from './orders';

export interface ShopOptions {
  jkopay: { env: 'mock' | 'sandbox' | 'production'; apiKey: string; secretKey: string; baseUrl?: string };
  storeId: string;
  /**
   * Where JKOPay reaches this backend, e.g. https://shop.example.com. Default: the address it
   * listens on, which is enough for the mock on the same machine.
   */
  publicUrl?: string;
}

export interface Shop {
  server: http.Server;
  orders: OrderBook;
  /** Starts listening (port 0: any free port) and resolves with the shop's URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Reads the raw body: the digest is over these exact bytes. */
function rawBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** What the checkout tells the browser for each entry answer: every documented code is handled. */
export function checkoutReply(answer: EntryResponse): { status: number; body: { paymentUrl?: string; error?: string } } {
  switch (answer.result) {
    case '000':
      return { status: 201, body: { paymentUrl: answer.result_object.payment_url } };
    case '101':
      return { status: 409, body: { error: 'this order is already paid' } };
    case '200':
      return { status: 502, body: { error: `JKOPay refused the order: ${answer.message ?? 'bad request'}` } };
    case '999':
      return { status: 503, body: { error: 'JKOPay is unavailable, try again' } };
  }
}

export function createShop(options: ShopOptions): Shop {
  const orders = new OrderBook();
  let publicUrl = options.publicUrl;
  const jkopay = createClient(options.jkopay);
  /** `signed`: a digest header that matches the raw body; `forged`: one that does not; `unsigned`: none at all. */
  const signature = (req: http.IncomingMessage, body: Buffer): 'signed' | 'forged' | 'unsigned' => {
    const header = req.headers.digest;
    if (header === undefined) return 'unsigned';
    return verifyDigest(options.jkopay.secretKey, body, String(header)) ? 'signed' : 'forged';
  };
  /** The order's transaction as JKOPay's inquiry API reports it: what an unsigned notification is checked against. */
  const inquired = async (orderId: string): Promise<Transaction | undefined> => {
    const answer = await jkopay.inquiry([orderId]);
    return answer.result === '000' ? answer.result_object.transactions.find((t) => t.platform_order_id === orderId) : undefined;
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname.replace(/^\/orders\/[^/]+$/, '/orders/:id')}`;
    (async () => {
      switch (route) {
        case 'POST /orders': {
          const { amount } = JSON.parse((await rawBody(req)).toString('utf8')) as { amount: number };
          if (!Number.isInteger(amount) || amount <= 0) return send(res, 400, { error: 'amount must be a whole number of TWD above 0' });
          const order = orders.create(amount);
          const answer = await jkopay.entry({
            platform_order_id: order.id,
            store_id: options.storeId,
            currency: 'TWD',
            total_price: amount,
            final_price: amount,
            unredeem: 0,
            confirm_url: `${publicUrl}/jkopay/confirm`,
            result_url: `${publicUrl}/jkopay/result`,
          });
          const reply = checkoutReply(answer);
          order.paymentUrl = reply.body.paymentUrl;
          return send(res, reply.status, { orderId: order.id, ...reply.body });
        }
        case 'GET /orders/:id': {
          const order = orders.get(decodeURIComponent(url.pathname.slice('/orders/'.length)));
          return order ? send(res, 200, order) : send(res, 404, { error: 'no such order' });
        }
        case 'POST /jkopay/confirm': {
          const body = await rawBody(req);
          // A wrong digest is a forgery; no digest at all is how JKOPay may well call (its signing is undocumented).
          if (signature(req, body) === 'forged') return send(res, 401, { error: 'bad digest' });
          const call = JSON.parse(body.toString('utf8')) as ConfirmCallback;
          const reply: ConfirmReply = { valid: orders.get(call.platform_order_id)?.state === 'awaiting-payment' };
          return send(res, 200, reply);
        }
        case 'POST /jkopay/result': {
          const body = await rawBody(req);
          // Verify before parsing: the digest covers the bytes as sent.
          const signed = signature(req, body);
          if (signed === 'forged') return send(res, 401, { error: 'bad digest' });
          const call = JSON.parse(body.toString('utf8')) as ResultCallback;
          if (!orders.get(call.transaction.platform_order_id)) return send(res, 404, { error: 'unknown order' });
          if (signed === 'signed') {
            orders.applyTransaction(call.transaction);
            return send(res, 200, { received: true });
          }
          // Unsigned: acknowledged (JKOPay retries anything else), but only JKOPay's own answer to an inquiry changes the order.
          const confirmed = await inquired(call.transaction.platform_order_id);
          if (confirmed) orders.applyTransaction(confirmed);
          return send(res, 200, { received: true, confirmedBy: 'inquiry', paid: orders.get(call.transaction.platform_order_id)?.state === 'paid' });
        }
        default:
          return send(res, 404, { error: 'not found' });
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: error instanceof Error ? error.message : 'failed' });
    });
  });
  return {
    server,
    orders,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const url = `http://${host}:${(server.address() as AddressInfo).port}`;
          publicUrl ??= url;
          resolve(url);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
