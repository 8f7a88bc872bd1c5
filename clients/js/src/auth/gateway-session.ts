import { readJwtClaims, type GetToken } from '../core/token.js';
import { HttpClient } from '../rest/http.js';

/** The gateway's token answer (`POST /auth/token`, `/auth/refresh`). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds. */
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

/**
 * A signed-in user against the gateway's own identity endpoints (`gateway/README.md`): sign in, refresh with rotation,
 * sign out. Its {@link getToken} is what `PulseClient` and `createPulseApi` want: the current access token while it
 * is good, a refreshed one when they say it is expiring or was rejected.
 *
 * Refresh tokens work once (rotation), so concurrent refreshes share one request: two would spend the same refresh
 * token and the second would sign the user out. With an external OpenID Connect issuer, use its library's token
 * instead and pass that as `getToken`.
 */
export class GatewaySession {
  private readonly http: HttpClient;
  private tokens: TokenResponse | undefined;
  private refreshing: Promise<string> | undefined;

  constructor(
    private readonly options: { url: string; fetch?: typeof fetch; now?: () => number },
  ) {
    this.http = new HttpClient({ baseUrl: options.url, fetch: options.fetch });
  }

  /** Signs in; a wrong user or password is a 401 `PulseProblemError`, too many attempts a 429 with `retryAfterMs`. */
  static async signIn(
    options: { url: string; fetch?: typeof fetch; now?: () => number },
    username: string,
    password: string,
  ): Promise<GatewaySession> {
    const session = new GatewaySession(options);
    await session.signIn(username, password);
    return session;
  }

  async signIn(username: string, password: string): Promise<void> {
    this.tokens = (await this.http.post<TokenResponse>('/auth/token', { username, password })).data;
  }

  get accessToken(): string | undefined {
    return this.tokens?.access_token;
  }

  /** The user id (`sub`) of the access token. */
  get userId(): string | undefined {
    return this.tokens ? readJwtClaims(this.tokens.access_token).sub : undefined;
  }

  /** For `PulseClient` and `createPulseApi`. */
  readonly getToken: GetToken = async ({ reason }) => {
    if (!this.tokens) throw new Error('not signed in');
    const { exp } = readJwtClaims(this.tokens.access_token);
    const now = (this.options.now ?? Date.now)();
    const fresh = exp === undefined || exp * 1000 - now > 5_000;
    if (reason === 'initial' && fresh) return this.tokens.access_token;
    return this.refresh();
  };

  /** A new access token (and a new refresh token: the old one is spent). */
  refresh(): Promise<string> {
    if (!this.refreshing) {
      const refreshToken = this.tokens?.refresh_token;
      if (!refreshToken) return Promise.reject(new Error('not signed in'));
      this.refreshing = this.http
        .post<TokenResponse>('/auth/refresh', { refresh_token: refreshToken })
        .then(({ data }) => {
          this.tokens = data;
          return data.access_token;
        })
        .finally(() => {
          this.refreshing = undefined;
        });
    }
    return this.refreshing;
  }

  /** Revokes the access and refresh tokens at the gateway. */
  async signOut(): Promise<void> {
    const tokens = this.tokens;
    this.tokens = undefined;
    if (!tokens) return;
    await this.http.post<void>(
      '/auth/logout',
      { refresh_token: tokens.refresh_token },
      { headers: { Authorization: `Bearer ${tokens.access_token}` } },
    );
  }
}
