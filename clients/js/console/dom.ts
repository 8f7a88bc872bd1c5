/** The few DOM helpers the console needs (no framework: the page is small and must load fast). */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from index.html`);
  return element as T;
}

/** An element with text and attributes; children appended in order. */
export function el(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

export function time(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

/** The claims the console reads from the access token (roles decide which panels and channels it offers). */
export interface Claims {
  sub: string;
  name?: string;
  roles: string[];
  jobRole?: string;
  patientId?: string;
}

export function claimsOf(token: string): Claims {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
  return {
    sub: String(claims.sub ?? ''),
    name: typeof claims.name === 'string' ? claims.name : undefined,
    roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    jobRole: typeof claims.jobRole === 'string' ? claims.jobRole : undefined,
    patientId: typeof claims.patientId === 'string' ? claims.patientId : undefined,
  };
}
