import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import {
  ApiError,
  TOKEN_HEADER,
  TOKEN_STORAGE_KEY,
  call,
  httpCaller,
  readToken,
  toApiError,
} from './bridge';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('readToken', () => {
  it('reads ?token= and stores it', () => {
    const s = memoryStorage();
    expect(readToken({ search: '?token=abc', hash: '' }, s)).toBe('abc');
    expect(s.data.get(TOKEN_STORAGE_KEY)).toBe('abc');
  });
  it('reads #token=', () => {
    expect(readToken({ search: '', hash: '#token=xyz' }, memoryStorage())).toBe('xyz');
  });
  it('falls back to the stored token after a reload', () => {
    const s = memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' });
    expect(readToken({ search: '', hash: '' }, s)).toBe('kept');
  });
  it('returns undefined when there is none', () => {
    expect(readToken({ search: '', hash: '' }, memoryStorage())).toBeUndefined();
    expect(readToken({ search: '', hash: '' }, undefined)).toBeUndefined();
  });
});

describe('httpCaller', () => {
  it('POSTs the arguments as a JSON array with the token header', async () => {
    const fetchStub = vitest.fn(async (_url: string, _init?: RequestInit) =>
      jsonResponse(200, { events: 2 }),
    );
    const callHttp = httpCaller({
      baseUrl: 'http://127.0.0.1:9/',
      token: 't0k',
      fetch: fetchStub as unknown as typeof fetch,
    });
    const out = await callHttp<{ events: number }>('LedgerService', 'Info', [1, 'a']);
    expect(out).toEqual({ events: 2 });
    expect(fetchStub).toHaveBeenCalledTimes(1);
    const [url, init] = fetchStub.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:9/api/LedgerService/Info');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('[1,"a"]');
    expect((init?.headers as Record<string, string>)[TOKEN_HEADER]).toBe('t0k');
  });

  it('sends [] when there are no arguments and returns null for an empty body', async () => {
    const fetchStub = vitest.fn(async () => new Response('', { status: 200 }));
    const callHttp = httpCaller({ fetch: fetchStub as unknown as typeof fetch });
    await expect(callHttp('S', 'M', [])).resolves.toBeNull();
    const init = (fetchStub.mock.calls[0] as unknown[] | undefined)?.[1] as RequestInit;
    expect(init.body).toBe('[]');
  });

  it('throws the server message and code on an error response', async () => {
    const fetchStub = vitest.fn(async () =>
      jsonResponse(422, { error: 'Lớp học không tồn tại', code: 'NOT_FOUND' }),
    );
    const callHttp = httpCaller({ token: 't', fetch: fetchStub as unknown as typeof fetch });
    const err = await callHttp('ClassService', 'Get', ['x']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('Lớp học không tồn tại');
    expect((err as ApiError).code).toBe('NOT_FOUND');
    expect((err as ApiError).status).toBe(422);
  });

  it('keeps the field of a refusal', async () => {
    const fetchStub = vitest.fn(async () =>
      jsonResponse(422, { error: 'không được âm (nhận -3)', code: 'invalid', field: 'data.students' }),
    );
    const callHttp = httpCaller({ token: 't', fetch: fetchStub as unknown as typeof fetch });
    const err = (await callHttp('ClassPlanService', 'OpenClass', [{}, {}]).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('không được âm (nhận -3)');
    expect(err.code).toBe('invalid');
    expect(err.field).toBe('data.students');
  });

  it('gives a Vietnamese message for an error without a JSON body', async () => {
    const fetchStub = vitest.fn(async () => new Response('nope', { status: 401 }));
    const callHttp = httpCaller({ fetch: fetchStub as unknown as typeof fetch });
    const err = (await callHttp('S', 'M', []).catch((e: unknown) => e)) as ApiError;
    expect(err.message).toBe('Máy chủ trả về mã lỗi HTTP 401.');
    expect(err.status).toBe(401);
  });

  it('reports a network failure', async () => {
    const fetchStub = vitest.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const callHttp = httpCaller({ fetch: fetchStub as unknown as typeof fetch });
    const err = (await callHttp('S', 'M', []).catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('NETWORK');
    expect(err.message).toMatch(/Không kết nối được/);
  });
});

describe('call inside Wails', () => {
  afterEach(() => {
    vitest.unstubAllGlobals();
  });

  it('uses window.go.app.<Service>.<Method>', async () => {
    const info = vitest.fn(async (...args: unknown[]) => ({ args }));
    vitest.stubGlobal('window', { go: { app: { LedgerService: { Info: info } } } });
    await expect(call('LedgerService', 'Info', 7)).resolves.toEqual({ args: [7] });
    expect(info).toHaveBeenCalledWith(7);
  });

  it('turns a rejected Go error string into an ApiError', async () => {
    vitest.stubGlobal('window', {
      go: { app: { LedgerService: { Verify: () => Promise.reject('cơ sở dữ liệu bị khóa') } } },
    });
    const err = (await call('LedgerService', 'Verify').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('cơ sở dữ liệu bị khóa');
  });
});

describe('toApiError (what the window rejects with)', () => {
  const body = { error: 'không được trước start_date', code: 'invalid', field: 'data.end_date' };

  it('reads the {error, code, field} object', () => {
    const e = toApiError(body);
    expect([e.message, e.code, e.field]).toEqual([body.error, 'invalid', 'data.end_date']);
  });
  it('reads it as JSON text', () => {
    const e = toApiError(JSON.stringify(body));
    expect([e.message, e.code, e.field]).toEqual([body.error, 'invalid', 'data.end_date']);
  });
  it('reads it as the message of an Error', () => {
    const e = toApiError(new Error(JSON.stringify(body)));
    expect([e.message, e.code, e.field]).toEqual([body.error, 'invalid', 'data.end_date']);
  });
  it('keeps a plain message without code or field', () => {
    const e = toApiError(new Error('cơ sở dữ liệu bị khóa'));
    expect([e.message, e.code, e.field]).toEqual(['cơ sở dữ liệu bị khóa', undefined, undefined]);
  });
  it('does not show "[object Object]"', () => {
    expect(toApiError(new Error('[object Object]')).message).toBe('Lỗi không xác định.');
    expect(toApiError({}).message).toBe('Lỗi không xác định.');
  });
  it('returns an ApiError unchanged', () => {
    const e = new ApiError('x', 'c', 422, 'data.y');
    expect(toApiError(e)).toBe(e);
  });
});
