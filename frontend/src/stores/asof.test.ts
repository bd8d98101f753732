import { describe, expect, it, vi as vitest } from 'vitest';
import { ApiError } from '../api/bridge';
import type { AsOfState } from '../api/ledger';
import { createAsOfStore } from './asof';

const NOW: AsOfState = { historical: false, as_of: '', events: 1200 };
const THEN: AsOfState = { historical: true, as_of: '2021-08-10T16:59:59.999999999Z', events: 1130 };

function setup(over: { SetAsOf?: (t: string) => Promise<AsOfState>; AsOfState?: () => Promise<AsOfState> } = {}) {
  const api = {
    SetAsOf: vitest.fn(over.SetAsOf ?? (async (t: string) => (t === '' ? NOW : THEN))),
    AsOfState: vitest.fn(over.AsOfState ?? (async () => NOW)),
  };
  const switched = vitest.fn();
  return { api, switched, store: createAsOfStore(api, switched) };
}

describe('as-of store', () => {
  it('switches to a moment and back, and every page fetches again each time', async () => {
    const { api, switched, store } = setup();
    await store.getState().set('2021-08-10');
    expect(api.SetAsOf).toHaveBeenLastCalledWith('2021-08-10');
    expect(store.getState()).toMatchObject({ asOf: THEN.as_of, events: 1130, switching: false });
    expect(switched).toHaveBeenCalledTimes(1);
    await store.getState().set(null);
    expect(api.SetAsOf).toHaveBeenLastCalledWith('');
    expect(store.getState()).toMatchObject({ asOf: null, events: 1200 });
    expect(switched).toHaveBeenCalledTimes(2);
  });

  it('a refused moment changes nothing and reaches the caller', async () => {
    const refusal = new ApiError('thời điểm chưa tới', 'invalid', 422, 'as_of');
    const { switched, store } = setup({
      SetAsOf: async () => {
        throw refusal;
      },
    });
    await expect(store.getState().set('2031-01-01')).rejects.toBe(refusal);
    expect(store.getState()).toMatchObject({ asOf: null, events: null, switching: false });
    expect(switched).not.toHaveBeenCalled();
  });

  it('takes the moment the Go side shows, and reloads only when it moved', async () => {
    let state = THEN;
    const { switched, store } = setup({ AsOfState: async () => state });
    await store.getState().sync();
    expect(store.getState().asOf).toBe(THEN.as_of);
    expect(switched).toHaveBeenCalledTimes(1);
    await store.getState().sync();
    expect(switched).toHaveBeenCalledTimes(1);
    state = NOW;
    await store.getState().sync();
    expect(store.getState().asOf).toBeNull();
    expect(switched).toHaveBeenCalledTimes(2);
  });

  it('stays on now when the backend cannot say', async () => {
    const { switched, store } = setup({
      AsOfState: async () => {
        throw new ApiError('không có phương thức', 'not_found', 404);
      },
    });
    await store.getState().sync();
    expect(store.getState().asOf).toBeNull();
    expect(switched).not.toHaveBeenCalled();
  });
});
