import { describe, expect, it } from 'vitest';
import { pageRequest, type PageCursor } from './logPaging';

// pages of 10 over seqs 100 … 1, newest first: page p holds 100-10(p-1) … 91-10(p-1)
const cursor = (p: number): PageCursor => ({ first: 100 - 10 * (p - 1), last: 91 - 10 * (p - 1) });

describe('pageRequest', () => {
  it('starts at the newest', () => {
    expect(pageRequest(1, 10, new Map())).toEqual({ before: 0, after: 0, skip: 0 });
    expect(pageRequest(4, 10, new Map())).toEqual({ before: 0, after: 0, skip: 30 });
  });
  it('steps by keyset to the next and the previous page', () => {
    const known = new Map([[3, cursor(3)]]);
    expect(pageRequest(4, 10, known)).toEqual({ before: 71, after: 0, skip: 0 });
    expect(pageRequest(2, 10, known)).toEqual({ before: 0, after: 80, skip: 0 });
  });
  it('jumps from the nearest known page', () => {
    const known = new Map([
      [1, cursor(1)],
      [5, cursor(5)],
    ]);
    expect(pageRequest(9, 10, known)).toEqual({ before: 51, after: 0, skip: 30 });
    expect(pageRequest(3, 10, known)).toEqual({ before: 91, after: 0, skip: 10 });
    expect(pageRequest(4, 10, known)).toEqual({ before: 0, after: 60, skip: 0 });
  });
});
