// Errors of the http client that say whether another try can help (crawlee's habit): a final error is
// not retried, a server error is worth one more try.

/** A failure another try cannot change: the cap, a redirect loop, the guard's refusal, an unknown encoding. */
export class FinalFetchError extends Error {}

/** A 5xx: the server's own failure, worth one more try; its body is never read (an error page can be a bomb too). */
export class ServerError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status} 服务器错误`);
  }
}
