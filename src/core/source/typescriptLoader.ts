/**
 * Loads the `typescript` package (6.0.x: the last line with the JS parser API) on first use,
 * so that checking JSON payload files never pays for evaluating the TypeScript compiler.
 * Pure: only a module load, no file access of its own.
 */
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

export function typescript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('typescript') as typeof TS;
  return loaded;
}
