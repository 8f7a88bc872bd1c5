/** Unsigned JWT-shaped tokens for the fake server: the client reads `exp` and `sub`, the fake checks them. */
export function makeToken(claims: { sub: string; exp?: number; ttlSeconds?: number; roles?: string[] }): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: claims.sub,
    roles: claims.roles ?? ['ADMIN'],
    iat: now,
    exp: claims.exp ?? now + (claims.ttlSeconds ?? 1800),
    jti: Math.random().toString(36).slice(2),
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.sig`;
}

export function readToken(token: string | undefined | null): { sub: string; exp: number } | undefined {
  if (!token) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return undefined;
    return { sub: payload.sub, exp: payload.exp };
  } catch {
    return undefined;
  }
}
