/** The DIGEST of `message` (a string is taken as UTF-8) under `secretKey`. */
export declare function computeDigest(secretKey: string, message: string | Uint8Array): string;
/**
 * True when `digest` is the DIGEST of `message`. Compared in constant time so that a mock (or a
 * merchant's callback handler) does not leak how many leading characters were right. Upper-case
 * hex is refused: JKOPay documents lower case.
 */
export declare function verifyDigest(secretKey: string, message: string | Uint8Array, digest: string): boolean;
//# sourceMappingURL=signing.d.ts.map