/**
 * The library entry of the `jkopay-tools` package (`import … from 'jkopay-tools'`, ESM or
 * CommonJS): signing, the mock JKOPay server, a small typed client, the payload checker and the
 * types generated from the data. It must not reach `vscode`, the language server or the
 * TypeScript compiler: a merchant's backend and test suite load it (test/unit/library.test.ts
 * checks the bundle's inputs).
 */
export { computeDigest, verifyDigest } from '../api/signing';
export { JkoPayUsageError } from '../api/usageError';
export {
  explainDigestMismatch,
  type DigestMismatchExplanation,
  type DigestSlipId,
  type ExplainDigestOptions,
} from './explainDigestMismatch';
export { startMockServer, type MockServer, type MockServerOptions, type MockServerConfig } from './mockServer';
export { createClient, JkoPayClientError, type ClientOptions, type JkoPayClient, type JkoPayClientErrorKind } from './client';
export { checkPayload, type CheckPayloadOptions, type PayloadFinding, type PayloadKind } from './checkPayload';
export { sameAmount } from './sameAmount';
export type {
  Amount,
  ConfirmCallback,
  ConfirmReply,
  Currency,
  EntryRequest,
  EntryResponse,
  EntryResultCode,
  InquiryRequest,
  InquiryResponse,
  InquiryStatus,
  PaidTransaction,
  Product,
  RefundRequest,
  RefundResponse,
  RefundResultCode,
  ResultCallback,
  Transaction,
  UnpaidTransaction,
} from './generatedTypes';
