import { PulseProblemError } from '../src/index.js';

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
  /** A ward display's department (`XRAY`): the one queue board it may show. */
  department?: string;
}

export function hasRole(claims: Claims, ...roles: string[]): boolean {
  return roles.some((role) => claims.roles.includes(role));
}

/** A refusal as one line: an RFC 9457 problem's status, title and detail, or the error's message. */
export function problemText(error: unknown): string {
  if (error instanceof PulseProblemError) return `${error.status} ${error.title}: ${error.detail ?? ''}`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs a command, showing its refusal (or nothing) in the given element; the command's event shows its effect. */
export async function attempt(errorId: string, command: () => Promise<unknown>): Promise<void> {
  byId(errorId).textContent = '';
  try {
    await command();
  } catch (error) {
    byId(errorId).textContent = problemText(error);
  }
}

/** Calls `run` at most once per `ms`, after the last call: a burst of events reloads once. */
export function debounce(run: () => void, ms = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
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
    department: typeof claims.department === 'string' ? claims.department : undefined,
  };
}
