/**
 * The big file of issue 21's timing: a TypeScript module of about 15,000 lines holding 300 entry
 * payloads as a backend writes them (an order id from a variable, prices literal, each sent to
 * /platform/entry with fetch), among ordinary code: interfaces, helpers, loops, a switch. Every 10th
 * payload has a USD price with three decimals, so that the file has diagnostics to show (the first
 * ones are what the timing waits for). Used by the real-VS-Code timing test and its bench.
 */

export interface BigSourceFile {
  text: string;
  lines: number;
  payloads: number;
  /** Payloads with a currency-precision error (every 10th). */
  withErrors: number;
}

/** About `lines` lines with `payloads` payloads spread through them. */
export function bigSourceFile(payloads = 300, lines = 15_000): BigSourceFile {
  const parts: string[] = [
    "import { createHash } from 'node:crypto';\n",
    "const JKOPAY = 'https://uat-onlinepay.jkopay.app';\n",
    'type Money = { amount: number; currency: string };\n',
  ];
  let withErrors = 0;
  const payload = (i: number): string => {
    const bad = i % 10 === 9;
    if (bad) withErrors++;
    const usd = i % 3 === 0 || bad;
    const price = bad ? '12.345' : usd ? `${10 + (i % 90)}.${String(i % 100).padStart(2, '0')}` : String(100 + i);
    return `
export async function checkout${i}(order: Order${i}): Promise<string> {
  const body = {
    platform_order_id: \`order-\${order.id}\`,
    store_id: '35f12dff-1581-11e9-a054-00505684fd45',
    currency: '${usd ? 'USD' : 'TWD'}',
    total_price: ${price},
    final_price: ${price},
    unredeem: 0,
    result_url: 'https://shop.example.com/jkopay/result',
    products: [{ name: 'Item ${i}', unit_count: 1, unit_price: ${price}, unit_final_price: ${price} }],
  };
  const res = await fetch(\`\${JKOPAY}/platform/entry\`, { method: 'POST', body: JSON.stringify(body) });
  return res.text();
}
`;
  };
  // Ordinary code of the same module: what makes up most of a real file.
  const filler = (i: number, n: number): string => {
    const out: string[] = [`\nexport interface Order${i} {\n  id: string;\n  lines: Money[];\n  note?: string;\n}\n`];
    for (let k = 0; out.join('').split('\n').length < n; k++) {
      out.push(`
export function total${i}_${k}(order: Order${i}, discount = 0): Money {
  let amount = 0;
  for (const line of order.lines) {
    switch (line.currency) {
      case 'TWD':
        amount += Math.round(line.amount);
        break;
      default:
        amount += line.amount;
    }
  }
  const digest = createHash('sha256').update(order.id).digest('hex').slice(0, ${8 + (k % 8)});
  return { amount: Math.max(0, amount - discount), currency: digest.length > 0 ? 'TWD' : 'USD' };
}
`);
    }
    return out.join('');
  };
  const payloadLines = payload(0).split('\n').length - 1;
  withErrors = 0;
  const per = Math.max(0, Math.floor(lines / payloads) - payloadLines);
  for (let i = 0; i < payloads; i++) parts.push(filler(i, per), payload(i));
  const text = parts.join('');
  return { text, lines: text.split('\n').length, payloads, withErrors };
}
