// A page that fails to render (here: Tổ chức fed a malformed answer, as from a socai of
// another version) shows what happened in its own place; the menu and the other pages
// stay usable, and the page comes back once its data is sound again. A failure outside
// the pages (the header) shows the same card for the whole window, never a blank one.

import { describe, expect, it } from 'vitest';
import { demoHarness, loadArea, openArea, screenshot, text } from './harness';

const h = demoHarness('2021-H1');

// deputies must be a list of school ids: a number makes the roles table throw
const MALFORMED_ROLES = JSON.stringify([{ cluster_id: 'mnbgpb', year: 2021, lead: 'sonla', deputies: 5 }]);
// a moment that is not a text: the header's picker cannot read it
const MALFORMED_ASOF = JSON.stringify({ historical: true, as_of: {}, events: 1 });

describe('a page that fails to render', () => {
  it('keeps the menu, says what happened and recovers', async () => {
    const p = h.page;
    await p.route('**/api/OrganisationService/Roles', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: MALFORMED_ROLES }),
    );
    await loadArea(h, 'organisation', 'page-crash');
    expect(await text(p.getByTestId('page-crash'))).toContain('Trang này gặp lỗi khi hiển thị');
    expect(await text(p.getByTestId('page-crash-message'))).toMatch(/is not a function/);
    // reported as uncaught, as before the boundary
    await expect.poll(() => h.pageErrors.length).toBe(1);
    await screenshot(p, 'loi-hien-thi-trang.png');

    // another area works; coming back starts afresh
    await openArea(p, 'overview', 'overview-page');
    expect(await p.getByTestId('page-crash').count()).toBe(0);
    await openArea(p, 'organisation', 'page-crash');

    // once the answer is sound, "Thử lại" shows the page
    await p.unroute('**/api/OrganisationService/Roles');
    await p.getByTestId('page-crash-retry').click();
    await p.getByTestId('organisation-page').waitFor({ timeout: 30_000 });
    await p.locator('[data-testid="roles-table"]').waitFor();
    expect(await p.getByTestId('nav-ledger').count()).toBe(1);
  });

  it('outside the pages: the card fills the window and a reload brings the app back', async () => {
    const p = h.page;
    const errors = h.pageErrors.length;
    await p.route('**/api/LedgerService/AsOfState', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: MALFORMED_ASOF }),
    );
    await p.reload();
    await p.getByTestId('page-crash').waitFor({ timeout: 30_000 });
    expect(await p.getByTestId('nav-overview').count()).toBe(0);
    expect(await text(p.getByTestId('page-crash'))).toContain('socai gặp lỗi khi hiển thị');
    expect(await text(p.getByTestId('page-crash-message'))).toMatch(/is not a function/);
    await expect.poll(() => h.pageErrors.length).toBeGreaterThan(errors);
    await screenshot(p, 'loi-hien-thi-cua-so.png');

    await p.unroute('**/api/LedgerService/AsOfState');
    await p.getByTestId('page-crash-reload').click();
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    expect(await p.getByTestId('page-crash').count()).toBe(0);
  });
});
