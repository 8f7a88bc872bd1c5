/**
 * An error the realtime connection reports to listeners: a protocol `error` frame (`code` as the server sent it,
 * e.g. `FORBIDDEN`), a close the client cannot fix by reconnecting (1009), or a transport failure. REST errors are
 * {@link ../rest/problem.PulseProblemError} instead.
 */
export class PulseError extends Error {
  override readonly name = 'PulseError';

  constructor(
    /** The protocol error code, or `CLOSED`, `TRANSPORT`, `TIMEOUT`, `TOKEN`, `CLOSED_BY_CLIENT`. */
    readonly code: string,
    message: string,
    readonly channel?: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
