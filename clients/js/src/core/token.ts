/**
 * Why the client asks for a token: `initial` (first connection), `expiring` (the current one's `exp` is near: refresh
 * in band before the server closes with 4001), `rejected` (the server refused it: 4001, 401, `TOKEN_INVALID`).
 */
export type TokenReason = 'initial' | 'expiring' | 'rejected';

/**
 * The application's way to get an access token — typically its sign-in state calling the gateway's `/auth/refresh`
 * (see {@link ../auth/gateway-session.GatewaySession}). For `expiring` and `rejected` it must return a token other
 * than the one in use.
 */
export type GetToken = (context: { reason: TokenReason }) => string | Promise<string>;

/** Reads a JWT's `exp` and `sub` without verifying it: the server verifies; the client only schedules. */
export function readJwtClaims(token: string): { exp?: number; sub?: string } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const json = JSON.parse(decodeBase64Url(payload)) as { exp?: unknown; sub?: unknown };
    return {
      exp: typeof json.exp === 'number' ? json.exp : undefined,
      sub: typeof json.sub === 'string' ? json.sub : undefined,
    };
  } catch {
    return {};
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Holds the current token and decides when it needs replacing. Concurrent callers share one `getToken()` call, so a
 * reconnect and a refresh that coincide do not rotate the refresh token twice (the gateway's refresh tokens work
 * once).
 */
export class TokenKeeper {
  private token: string | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly getToken: GetToken,
    private readonly now: () => number,
    /** Refresh this long before `exp` at least, ms. */
    private readonly marginMs = 30_000,
  ) {}

  /**
   * The token to connect with: the current one unless it is missing or (nearly) expired. One that expires soon is
   * still used: the connection refreshes it in band on schedule ({@link refreshDelay}).
   */
  async current(): Promise<string> {
    if (this.token !== undefined && !this.expiringWithin(this.token, 1000)) return this.token;
    return this.renew(this.token === undefined ? 'initial' : 'expiring');
  }

  /** A new token from the application, for the reason given. */
  renew(reason: TokenReason): Promise<string> {
    if (!this.pending) {
      this.pending = Promise.resolve()
        .then(() => this.getToken({ reason }))
        .then(
          (token) => {
            this.token = token;
            this.pending = undefined;
            return token;
          },
          (error: unknown) => {
            this.pending = undefined;
            throw error;
          },
        );
    }
    return this.pending;
  }

  /** The token in use, if any. */
  peek(): string | undefined {
    return this.token;
  }

  /**
   * Milliseconds from now until the token should be refreshed in band: `marginMs` before `exp`, or a tenth of the
   * remaining life for short-lived tokens, never less than one second. Undefined without `exp`.
   */
  refreshDelay(token: string): number | undefined {
    const { exp } = readJwtClaims(token);
    if (exp === undefined) return undefined;
    const remaining = exp * 1000 - this.now();
    const margin = Math.min(this.marginMs, remaining / 10);
    return Math.max(1000, remaining - Math.max(margin, 0));
  }

  private expiringWithin(token: string, ms: number): boolean {
    const { exp } = readJwtClaims(token);
    return exp !== undefined && exp * 1000 - this.now() <= ms;
  }
}
