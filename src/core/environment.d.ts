/**
 * The only globals the core may use beyond ES2023, declared by hand because the core compiles
 * without Node's or the DOM's types (so that an accidental `fs`, `Buffer` or `setTimeout` fails
 * to compile). Both exist in Node and in browsers.
 */

/** WHATWG URL, to judge the URL fields the way a client library would parse them. */
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
  readonly href: string;
}

/** CommonJS `require`, used only to load the TypeScript compiler lazily (typescriptLoader.ts). */
declare function require(id: string): unknown;
