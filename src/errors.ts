// Known errors print one line, a reason and the next step; the CLI maps them to exit codes.
// Anything else is unexpected (exit 3) and keeps its stack.

export class ChouchaError extends Error {
  readonly exitCode: number = 3;
  constructor(
    message: string,
    readonly reason?: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input or usage: a file, flag or value the user can fix. Exit code 2. */
export class InputError extends ChouchaError {
  override readonly exitCode = 2;
}

/** The network refused a request on purpose (address guard), never retried. */
export class BlockedAddressError extends ChouchaError {
  override readonly exitCode = 2;
}
