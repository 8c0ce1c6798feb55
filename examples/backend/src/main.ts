/**
 * Starts the example shop on its own, to try it by hand against a running `jkopay mock` (its
 * default keys and first store), e.g. with `jkopay callbacks test` as the README shows:
 *
 *   jkopay mock &                                   # http://127.0.0.1:8917
 *   npx tsc -p examples/backend && node out/examples/backend/src/main.js
 *   curl -s -X POST http://127.0.0.1:3000/orders -d '{"amount": 100}'   # → {"orderId": "shop-…", …}
 *   jkopay callbacks test --confirm-url http://127.0.0.1:3000/jkopay/confirm \
 *     --result-url http://127.0.0.1:3000/jkopay/result --order shop-… --amount 100
 *
 * PORT (default 3000), JKOPAY_MOCK_URL, JKOPAY_API_KEY, JKOPAY_SECRET_KEY and JKOPAY_STORE_ID
 * change what it uses.
 */
import { createShop } from './app';

const shop = createShop({
  jkopay: {
    env: 'mock',
    baseUrl: process.env.JKOPAY_MOCK_URL ?? 'http://127.0.0.1:8917',
    apiKey: process.env.JKOPAY_API_KEY ?? 'mock-api-key',
    secretKey: process.env.JKOPAY_SECRET_KEY ?? 'mock-secret-key',
  },
  storeId: process.env.JKOPAY_STORE_ID ?? '00000000-0000-4000-8000-000000000001',
});
void shop.listen(Number(process.env.PORT ?? 3000)).then((url) => console.log(`shop listening on ${url}`));
