"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.computeDigest = computeDigest;
exports.verifyDigest = verifyDigest;
/**
 * The JKOPay DIGEST (reference §3): lower-case hex HMAC-SHA256, keyed with the secret key's
 * UTF-8 bytes, over the exact bytes sent — the raw body of a POST, the query string of a GET
 * (`platform_order_ids=a,b`: no `?`, no path, comma not encoded). Nothing is normalised here on
 * purpose: signing anything but the bytes on the wire is the classic integration bug.
 */
const node_crypto_1 = require("node:crypto");
/** The DIGEST of `message` (a string is taken as UTF-8) under `secretKey`. */
function computeDigest(secretKey, message) {
    return (0, node_crypto_1.createHmac)('sha256', Buffer.from(secretKey, 'utf8')).update(message).digest('hex');
}
/**
 * True when `digest` is the DIGEST of `message`. Compared in constant time so that a mock (or a
 * merchant's callback handler) does not leak how many leading characters were right. Upper-case
 * hex is refused: JKOPay documents lower case.
 */
function verifyDigest(secretKey, message, digest) {
    if (!/^[0-9a-f]{64}$/.test(digest))
        return false;
    const expected = Buffer.from(computeDigest(secretKey, message), 'latin1');
    return (0, node_crypto_1.timingSafeEqual)(expected, Buffer.from(digest, 'latin1'));
}
//# sourceMappingURL=signing.js.map