/**
 * What every mock endpoint handler works with, and what it returns: the answer plus whether it
 * changed the state (then the state file is rewritten before the answer goes out).
 */
import type { MockAnswer } from './mockAnswers';
import type { MockConfig } from './mockConfig';
import type { MockState } from './mockState';

export interface MockContext {
  state: MockState;
  config: MockConfig;
  /** The mock's own URL, for the payment_url and qr_img it hands out. */
  baseUrl: string;
  /** The per-run token the payment page's forms carry (see mockGuard). */
  formToken: string;
  /**
   * Applies a change made after an await (a payment after its confirm_url call): alone, saved to
   * the state file before it resolves, undone (and rejected) when the save fails. See StateGate.
   */
  commit<T>(mutate: () => T): Promise<T>;
}

export interface HandlerResult {
  answer: MockAnswer;
  changed: boolean;
}

export const unchanged = (answer: MockAnswer): HandlerResult => ({ answer, changed: false });
