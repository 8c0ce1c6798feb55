/**
 * An in-memory stand-in for a CLI command's output streams: what a command printed, line by line,
 * on standard output and standard error, for tests that run commands in-process.
 */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) },
    out,
    err,
    text: () => out.join('\n'),
    errors: () => err.join('\n'),
  };
}
