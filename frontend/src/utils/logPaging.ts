// Page numbers over the keyset paging of the log (HistoryService.Log): a page
// is fetched from the nearest page whose first and last seq are known, so that
// the next or the previous page is a pure keyset step and a far page skips
// only the events between.

/** The first (newest) and last (oldest) seq of a page that was shown. */
export interface PageCursor {
  first: number;
  last: number;
}

export interface PageRequest {
  before: number;
  after: number;
  skip: number;
}

/** How to fetch page `page` (1-based, newest first) of `size` events. */
export function pageRequest(page: number, size: number, known: ReadonlyMap<number, PageCursor>): PageRequest {
  let best: PageRequest = { before: 0, after: 0, skip: (page - 1) * size };
  let distance = page - 1;
  for (const [q, c] of known) {
    const d = Math.abs(page - q) - 1;
    if (q === page || d >= distance) continue;
    distance = d;
    best = q < page ? { before: c.last, after: 0, skip: d * size } : { before: 0, after: c.first, skip: d * size };
  }
  return best;
}
