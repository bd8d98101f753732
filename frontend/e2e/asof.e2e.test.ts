// "Xem tại thời điểm": after a class is opened, the picker shows the ledger as it
// stood before (record time): the figure is back to the reference report's, a banner
// says so on every page, nothing can be written (buttons nor API); "Về hiện tại"
// brings the new figure back.

import { describe, expect, it } from 'vitest';
import {
  choosePeriod,
  loaded,
  openArea,
  pickCalendarDay,
  pickFirstOption,
  screenshot,
  setupHarness,
  text,
  typeDate,
} from './harness';

const h = setupHarness(); // an empty ledger: the demo is loaded from the prompt

interface Head {
  recorded_at: string;
}
interface Info {
  events: number;
  heads: Head[];
}
interface AsOfState {
  historical: boolean;
  as_of: string;
  events: number;
}

/** A moment as the picker takes it, in Vietnam time: "dd/mm/yyyy HH:mm:ss". */
function vnText(ms: number): string {
  const d = new Date(ms + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  );
}

/** The same moment as the banner says it: "HH:mm:ss dd/mm/yyyy", "HH:mm dd/mm/yyyy"
 * on a whole minute. */
function bannerText(ms: number): string {
  const [date = '', time = ''] = vnText(ms).split(' ');
  return `${time.endsWith(':00') ? time.slice(0, 5) : time} ${date}`;
}

/** 16182 → "16.182". */
const int = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A service call that must be refused: its HTTP status and body. */
async function refused(service: string, method: string, ...args: unknown[]) {
  const token = new URL(h.pageUrl).searchParams.get('token') ?? '';
  const res = await fetch(`${h.baseUrl}/api/${service}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Socai-Token': token },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as { error: string; code: string; field?: string } };
}

describe('Xem tại thời điểm against socai serve', () => {
  let moment = 0; // between the demo and the new class, whole seconds
  let demoEvents = 0;

  it('loads the demo, then opens one more 2021-H1 class a moment later: 260 → 261', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    await p.getByTestId('demo-prompt').waitFor({ timeout: 30_000 });
    await p.getByTestId('demo-load').click();
    await p.getByTestId('demo-prompt').waitFor({ state: 'hidden', timeout: 60_000 });
    await expect.poll(() => text(p.getByTestId('ov-executed-classes')), { timeout: 30_000 }).toBe('260/323');
    expect(await p.getByTestId('app-header').getAttribute('data-historical')).toBe('false');
    expect(await p.getByTestId('asof-banner').count()).toBe(0);

    // the moment to look back at: the next whole second after the demo was recorded
    const info = await h.api<Info>('LedgerService', 'Info');
    demoEvents = info.events;
    const last = Math.max(...info.heads.map((x) => Date.parse(x.recorded_at)));
    moment = Math.floor(last / 1000) * 1000 + 1000;
    while (Date.now() < moment + 300) await p.waitForTimeout(100); // the change comes after it

    await openArea(p, 'classPlans', 'classplans-page');
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('260/323');
    await p.getByTestId('btn-openClass').click();
    await p.getByTestId('openClass-form').waitFor();
    await pickFirstOption(p, p.locator('#openClass_school_id'));
    await pickFirstOption(p, p.locator('#openClass_class_type'));
    await p.locator('#openClass_name').fill('Lớp bồi dưỡng mở thêm – xem lại lịch sử');
    await p.locator('#openClass_students').fill('40');
    await typeDate(p, 'openClass_start_date', '15/03/2021');
    await typeDate(p, 'openClass_end_date', '30/06/2021');
    await p.getByTestId('openClass-submit').click();
    await p.getByTestId('openClass-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('261/323');
    expect((await h.api<Info>('LedgerService', 'Info')).events).toBe(demoEvents + 1);
  });

  it('picks the moment before the change: the figure is back to 260, marked historical, read-only', async () => {
    const p = h.page;
    const input = p.locator('#asof-input');
    await input.click();
    await input.fill(vnText(moment));
    await input.press('Enter');

    const banner = p.getByTestId('asof-banner-title');
    await banner.waitFor({ timeout: 30_000 });
    expect(await text(banner)).toBe(
      `Đang xem số liệu như tại ${bannerText(moment)} — chế độ xem lịch sử, không ghi được`,
    );
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('260/323');
    expect(await p.getByTestId('app-header').getAttribute('data-historical')).toBe('true');
    expect(await text(p.getByTestId('asof-tag'))).toBe('Xem lịch sử');
    expect(await text(p.getByTestId('asof-banner'))).toContain(`(${int(demoEvents)} sự kiện)`);
    const row = p.locator('[data-testid="classes-table"] tr', { hasText: 'Lớp bồi dưỡng mở thêm – xem lại lịch sử' });
    expect(await row.count()).toBe(0);

    // the service holds the moment
    const st = await h.api<AsOfState>('LedgerService', 'AsOfState');
    expect(st.historical).toBe(true);
    expect(Date.parse(st.as_of)).toBe(moment);
    expect(st.events).toBe(demoEvents);

    // every write button is disabled, and says why
    for (const id of ['btn-openClass', 'btn-planClass', 'btn-assignTarget']) {
      expect(await p.getByTestId(id).isDisabled()).toBe(true);
    }
    await p.getByTestId('btn-openClass').locator('xpath=..').hover();
    await expect
      .poll(() => text(p.locator('.ant-tooltip:visible')))
      .toBe('Đang xem lịch sử: không ghi được. Chọn “Về hiện tại” để ghi.');
    await screenshot(p, 'xem-lich-su-ke-hoach-mo-lop.png');

    // a write straight to the API is refused, and records nothing
    const write = await refused(
      'ClassPlanService',
      'OpenClass',
      {
        class_id: '',
        school_id: 'sonla',
        class_type: 'tc-llct-hc',
        name: 'Lớp ghi lén',
        students: 10,
        start_date: '2021-04-01',
        end_date: '2021-06-30',
        mode: 'tap_trung',
        partner: '',
      },
      { reason: '', source: '' },
    );
    expect(write.status).toBe(422);
    expect(write.body.code).toBe('read_only');
    expect(write.body.error).toContain('chế độ xem lịch sử không ghi được');
    expect((await h.api<Info>('LedgerService', 'Info')).events).toBe(demoEvents + 1);

    // a moment in the future is refused and the view stays where it is
    const future = await refused('LedgerService', 'SetAsOf', '2099-01-01');
    expect([future.status, future.body.code, future.body.field]).toEqual([422, 'invalid', 'as_of']);
    expect(future.body.error).toContain('chưa tới');
    expect(Date.parse((await h.api<AsOfState>('LedgerService', 'AsOfState')).as_of)).toBe(moment);
  });

  it('shows the past on every page, and after a reload', async () => {
    const p = h.page;
    await openArea(p, 'overview', 'overview-page');
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).toBe('260/323');
    await p.getByTestId('asof-banner').waitFor();
    await screenshot(p, 'xem-lich-su-tong-quan.png');

    await openArea(p, 'organisation', 'organisation-page');
    expect(await p.getByTestId('btn-formCluster').isDisabled()).toBe(true);
    expect(await p.getByTestId('btn-registerSchool').isDisabled()).toBe(true);

    await openArea(p, 'research', 'research-page');
    expect(await p.getByTestId('btn-registerTopic').isDisabled()).toBe(true);
    await openArea(p, 'awards', 'awards-page');
    expect(await p.getByTestId('btn-awardTitle').isDisabled()).toBe(true);
    expect(await p.getByTestId('btn-awards-more').isDisabled()).toBe(true);
    // a row's actions are there to see, not to use (the demo's titles are of 2023)
    await choosePeriod(p, 'Năm 2023');
    await p.locator('[data-testid^="title-actions-"]:visible').first().waitFor();
    await loaded(p);
    await p.locator('[data-testid^="title-actions-"]:visible').first().click();
    const item = p.locator('.ant-dropdown:visible .ant-dropdown-menu-item').first();
    await item.waitFor();
    expect(await item.getAttribute('aria-disabled')).toBe('true');
    // only "Lịch sử", which records nothing, stays open
    const open = p.locator('.ant-dropdown:visible .ant-dropdown-menu-item:not([aria-disabled="true"])');
    await expect.poll(() => open.count()).toBe(1);
    expect(await open.getByTestId('row-action-history').count()).toBe(1);
    await p.keyboard.press('Escape');
    await choosePeriod(p, '6 tháng đầu năm 2021');

    // Sổ cái shows the whole ledger, and says that the pages show the past
    await openArea(p, 'ledger', 'ledger-page');
    await p.getByTestId('ledger-asof-note').waitFor();
    expect(await text(p.getByTestId('ledger-asof-note'))).toContain(bannerText(moment));
    await expect.poll(() => text(p.getByTestId('event-count'))).toBe(int(demoEvents + 1));
    await screenshot(p, 'xem-lich-su-so-cai.png');

    // the moment lives in socai, not in the page: a reload keeps it
    await p.reload();
    await openArea(p, 'classPlans', 'classplans-page');
    await p.getByTestId('asof-banner').waitFor({ timeout: 30_000 });
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('260/323');
    expect(await p.getByTestId('btn-openClass').isDisabled()).toBe(true);
  });

  it('"Về hiện tại" brings back 261 and writing', async () => {
    const p = h.page;
    await p.getByTestId('asof-now').click();
    await p.getByTestId('asof-banner').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('261/323');
    expect(await p.getByTestId('app-header').getAttribute('data-historical')).toBe('false');
    expect(await p.getByTestId('btn-openClass').isDisabled()).toBe(false);
    expect((await h.api<AsOfState>('LedgerService', 'AsOfState')).historical).toBe(false);
    expect(await p.locator('#asof-input').inputValue()).toBe('');
    expect(h.pageErrors).toEqual([]);
  });

  it('a day picked in the calendar is the end of that day; before the first event the pages are empty', async () => {
    const p = h.page;
    // yesterday in Vietnam: the demo and the class were recorded today
    const vnNow = new Date(Date.now() + 7 * 3600 * 1000);
    const y = new Date(Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth(), vnNow.getUTCDate() - 1));
    const iso = y.toISOString().slice(0, 10);
    const [yyyy, mm, dd] = iso.split('-');

    await pickCalendarDay(p, 'asof-input', iso);

    const banner = p.getByTestId('asof-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await text(p.getByTestId('asof-banner-title'))).toBe(
      `Đang xem số liệu như tại 23:59 ${dd}/${mm}/${yyyy} — chế độ xem lịch sử, không ghi được`,
    );
    expect(await text(banner)).toContain('Tại thời điểm này sổ cái chưa có sự kiện nào: các trang chưa có số liệu.');
    const st = await h.api<AsOfState>('LedgerService', 'AsOfState');
    expect([st.historical, st.as_of, st.events]).toEqual([true, `${iso}T16:59:59.999999999Z`, 0]);
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('0/–');
    // no demo is offered, no setup is proposed: the ledger itself is not empty
    await openArea(p, 'overview', 'overview-page');
    expect(await p.getByTestId('setup-guide').count()).toBe(0);
    expect(await text(p.getByTestId('asof-empty'))).toContain(
      'Tại thời điểm đang xem, sổ cái chưa có cụm thi đua nào: chưa có số liệu để hiển thị.',
    );
    expect(await p.getByTestId('demo-prompt').count()).toBe(0);
    await screenshot(p, 'xem-lich-su-truoc-su-kien-dau.png');

    await p.getByTestId('asof-now').click();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).toBe('261/323');
    expect(h.pageErrors).toEqual([]);
  });
});
