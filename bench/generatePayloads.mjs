// Generates a realistic multi-payload `.jkopay.json` text for the benchmarks: entries with
// products, URLs and a few deliberate mistakes, about 600 bytes per payload.
export function generatePayloadFile(count) {
  const currencies = ['TWD', 'TWD', 'TWD', 'USD', 'JPY', 'HKD', 'CNY'];
  const items = [];
  for (let i = 0; i < count; i++) {
    const currency = currencies[i % currencies.length];
    const wholeUnits = currency === 'TWD' || currency === 'JPY';
    const unit = wholeUnits ? 150 + (i % 50) : (12.5 + (i % 7) / 4).toFixed(2);
    const price = wholeUnits ? unit * 2 + 80 : (Number(unit) * 2 + 80).toFixed(2);
    // Every 50th payload has a mistake: more decimal places than its currency allows (still a valid number).
    const total = i % 50 === 0 ? (wholeUnits ? `${price}.123` : `${price}1`) : price;
    items.push(`  {
    "platform_order_id": "order-${String(i).padStart(8, '0')}",
    "store_id": "35f12dff-1581-11e9-a054-00505684fd45",
    "currency": "${currency}",
    "total_price": ${total},
    "final_price": ${price},
    "unredeem": 0,
    "valid_time": "2026-12-31 23:59:59",
    "confirm_url": "https://shop.example.com/jkopay/confirm",
    "result_url": "https://shop.example.com/jkopay/result",
    "result_display_url": "https://shop.example.com/orders/order-${i}",
    "payment_type": "onetime",
    "escrow": false,
    "products": [
      { "name": "Bubble tea ${i}", "unit_count": 2, "unit_price": ${unit}, "unit_final_price": ${unit} },
      { "name": "Delivery", "unit_count": 1, "unit_price": 80, "unit_final_price": 80 }
    ]
  }`);
  }
  return `// ${count} generated entry payloads\n[\n${items.join(',\n')}\n]\n`;
}
