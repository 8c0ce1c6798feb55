// Generates a large TypeScript file for the benchmarks: payload literals among ordinary code —
// interfaces, functions, loops and plain objects — each signed as the DIGEST, which is the evidence
// that makes it a request. `marked`: each literal also carries a `// @jkopay entry` marker (the same
// payloads, found without following where they go: the baseline of the flow analysis's cost).
export function generateSourceFile(payloads, { marked = false } = {}) {
  const parts = [
    "import { createHmac } from 'node:crypto';\n",
    'type Handler = (input: { id: string; amount: number }) => Promise<string>;\n',
  ];
  for (let i = 0; i < payloads; i++) {
    const currency = i % 3 === 0 ? 'USD' : 'TWD';
    const price = currency === 'USD' ? `${10 + (i % 90)}.${String(i % 100).padStart(2, '0')}` : String(100 + i);
    parts.push(`
export interface Order${i} { id: string; amount: number; note?: string }

export async function checkout${i}(order: Order${i}, secret: string): Promise<string> {
  const options = { retries: 3, timeoutMs: 15_000, label: 'checkout-${i}' };
  const items = [order.id, String(order.amount)].filter((x) => x.length > 0);
  ${marked ? '// @jkopay entry\n  ' : ''}const body = {
    platform_order_id: \`order-\${order.id}\`,
    store_id: '35f12dff-1581-11e9-a054-00505684fd45',
    currency: '${currency}',
    total_price: ${price},
    final_price: ${price},
    unredeem: 0,
    result_url: 'https://shop.example.com/jkopay/result',
    products: [{ name: 'Item ${i}', unit_count: 1, unit_price: ${price}, unit_final_price: ${price} }],
  };
  const text = JSON.stringify(body);
  return createHmac('sha256', secret).update(text).digest('hex');
}
`);
  }
  return parts.join('');
}

// Generates a TypeScript file of about `kb` KB that handles JKOPay answers: result codes compared
// in every function, and no payload literal (the case where only the result-code features apply).
export function generateResultHandlers(kb) {
  const parts = ["import { post } from './jkopayClient';\n"];
  for (let i = 0; parts.reduce((n, p) => n + p.length, 0) < kb * 1024; i++) {
    parts.push(`
export async function confirmOrder${i}(orderId: string, attempts = 3): Promise<boolean> {
  const res = await post(\`/platform/entry?id=\${orderId}\`);
  if (res.result === '000') return true;
  if (res.result === '153' && attempts > 0) return confirmOrder${i}(orderId, attempts - 1);
  console.warn(\`order \${orderId}: \${res.message}\`);
  return false;
}
`);
  }
  return parts.join('');
}
