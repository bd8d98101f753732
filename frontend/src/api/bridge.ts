// The only way the UI talks to socai: call(service, method, ...args).
//
// Inside the desktop app (Wails v2) the Go services of package `app` are bound as
// window.go.app.<Service>.<Method>(...args). In a plain browser (`socai serve`,
// used by the end-to-end tests) the same call is an HTTP POST to
// /api/<Service>/<Method> with the JSON array of arguments as the body and the
// session token in the X-Socai-Token header. The token comes in the page URL
// (?token=… or #token=…) and is kept in sessionStorage so that reloads work.

import { vi } from '../locales/vi';

/** An error returned by a socai service; `message` is Vietnamese, `code` is the
 * machine-readable code when the service gave one, `field` the input it concerns
 * ("data.students", "data.end_date", "occurred_on", "meta.reason" …) when known. */
export class ApiError extends Error {
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, code?: string, status?: number, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code || undefined;
    this.status = status;
    this.field = field || undefined;
  }
}

type BoundMethod = (...args: unknown[]) => Promise<unknown>;
type BoundServices = Record<string, Record<string, BoundMethod | undefined> | undefined>;

declare global {
  interface Window {
    go?: { app?: BoundServices };
  }
}

export const TOKEN_HEADER = 'X-Socai-Token';
export const TOKEN_STORAGE_KEY = 'socai.token';

/** Reads the token from "?token=…" or "#token=…" of the page address, else from storage.
 * A token found in the address is stored. */
export function readToken(
  location: { search: string; hash: string },
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
): string | undefined {
  const fromSearch = new URLSearchParams(location.search).get('token');
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  const fromUrl = fromSearch || fromHash;
  if (fromUrl) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // storage may be unavailable (private mode); the URL token still works
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export interface HttpTransportOptions {
  /** Base address, '' for the page's own origin. */
  baseUrl?: string;
  token?: string | undefined;
  fetch?: typeof fetch;
}

/** The browser transport: POST /api/<Service>/<Method>. */
export function httpCaller(opts: HttpTransportOptions = {}) {
  const base = (opts.baseUrl ?? '').replace(/\/$/, '');
  return async function callHttp<T>(service: string, method: string, args: unknown[]): Promise<T> {
    const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    if (opts.token) headers[TOKEN_HEADER] = opts.token;
    let res: Response;
    try {
      res = await doFetch(
        `${base}/api/${encodeURIComponent(service)}/${encodeURIComponent(method)}`,
        { method: 'POST', headers, body: JSON.stringify(args) },
      );
    } catch {
      throw new ApiError(vi.errors.network, 'NETWORK');
    }
    const text = await res.text();
    let body: unknown = undefined;
    let parsed = false;
    if (text !== '') {
      try {
        body = JSON.parse(text);
        parsed = true;
      } catch {
        parsed = false;
      }
    }
    if (!res.ok) {
      if (parsed && isErrorBody(body)) {
        throw new ApiError(body.error || vi.errors.unknown, body.code, res.status, body.field);
      }
      throw new ApiError(vi.errors.httpStatus(res.status), undefined, res.status);
    }
    if (text !== '' && !parsed) throw new ApiError(vi.errors.badResponse, 'BAD_RESPONSE', res.status);
    return (parsed ? body : null) as T;
  };
}

/** The body of a refused call (Go: app.APIError), over HTTP and in the window alike. */
interface ErrorBody {
  error: string;
  code?: string;
  field?: string;
}

function isErrorBody(v: unknown): v is ErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}

/** An ErrorBody encoded as JSON text, as the window may deliver it. */
function parseErrorBody(text: string): ErrorBody | undefined {
  const t = text.trim();
  if (!t.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return isErrorBody(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The Wails transport, when the app runs inside the desktop window. */
function boundMethod(service: string, method: string): BoundMethod | undefined {
  if (typeof window === 'undefined') return undefined;
  return window.go?.app?.[service]?.[method];
}

/** True inside the Wails desktop window. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.go?.app !== undefined;
}

let defaultHttp: ReturnType<typeof httpCaller> | undefined;

function browserHttp(): ReturnType<typeof httpCaller> {
  if (!defaultHttp) {
    const storage = safeSessionStorage();
    const token =
      typeof window !== 'undefined' ? readToken(window.location, storage) : undefined;
    defaultHttp = httpCaller({ token });
  }
  return defaultHttp;
}

function safeSessionStorage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : undefined;
  } catch {
    return undefined;
  }
}

/** Calls a method of a socai service and returns its result. */
export async function call<T>(service: string, method: string, ...args: unknown[]): Promise<T> {
  const bound = boundMethod(service, method);
  if (bound) {
    try {
      return (await bound(...args)) as T;
    } catch (err) {
      throw toApiError(err);
    }
  }
  if (isDesktop()) {
    // Inside Wails but the method is not bound: a programming error, say so plainly.
    throw new ApiError(`${vi.errors.unknown} (${service}.${method})`, 'NOT_BOUND');
  }
  return browserHttp()<T>(service, method, args);
}

/** Makes whatever a Wails call rejected with an ApiError {message, code, field}.
 *
 * The Go side formats a refusal as {error, code, field} (app.FormatError). Depending on
 * the Wails runtime that reaches us as that object, as its JSON text, or as an Error whose
 * message is that JSON text; older builds give only the Go error's text. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isErrorBody(err)) return new ApiError(err.error || vi.errors.unknown, err.code, undefined, err.field);
  const text = typeof err === 'string' ? err : err instanceof Error ? err.message : '';
  const body = parseErrorBody(text);
  if (body) return new ApiError(body.error || vi.errors.unknown, body.code, undefined, body.field);
  if (!text || text === '[object Object]') return new ApiError(vi.errors.unknown);
  return new ApiError(text);
}

/** True when the running socai has no such service method (an older build). */
export function isMissingMethod(err: ApiError): boolean {
  return err.code === 'not_found' || err.code === 'NOT_BOUND';
}

/** The message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return vi.errors.unknown;
}
