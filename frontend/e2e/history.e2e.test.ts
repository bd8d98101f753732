// Lịch sử and Nhật ký sự kiện on the demo ledger: open a class's history from its
// row, correct its enrolment through "Sửa / hủy bản ghi" with a reason, see the
// wrong event struck through, the retraction and the replacement with their diffs
// (sĩ số before → after), a refusal at its field, and the global log's second page.

import { describe, expect, it } from 'vitest';
import {
  eventCount,
  fieldError,
  filtersFor,
  importEvents,
  openArea,
  pickOption,
  screenshot,
  setupHarness,
  text,
} from './harness';
import { formatInt } from '../src/utils/format';

const CLASS_ID = 'sonla-21-tc-e2e';
const CLASS_NAME = 'Trung cấp LLCT-HC khóa 47 – huyện Mộc Châu';
const meta = { actor: 'Lò Văn Minh', source: '15-QĐ/TCT' };

interface Entry {
  seq: number;
  id: string;
  type: string;
  retracted: boolean;
}
interface History {
  name: string;
  events: Entry[];
}
interface LogPage {
  events: Entry[];
  total: number;
}

const history = (entity: string) => h.api<History>('HistoryService', 'Entity', entity, {});
const rowOf = (seq: number) => h.page.getByTestId(`history-row-${seq}`);

const h = setupHarness({
  seed: async (socai, tmp) => {
    await socai('demo');
    // a class still open in the demo cluster, its enrolment changed by mistake
    await importEvents(socai, tmp, [
      {
        type: 'ClassOpened',
        stream: `class-${CLASS_ID}`,
        occurred_on: '2021-03-01',
        data: {
          class_id: CLASS_ID,
          school_id: 'sonla',
          class_type: 'tc-llct-hc',
          name: CLASS_NAME,
          students: 45,
          start_date: '2021-03-01',
          end_date: '2021-12-30',
          mode: 'tap_trung',
        },
        meta,
      },
      {
        type: 'ClassEnrollmentChanged',
        stream: `class-${CLASS_ID}`,
        occurred_on: '2021-05-10',
        data: { class_id: CLASS_ID, students: 43 },
        meta: { actor: 'Cầm Thị Lan', reason: '02 học viên thôi học', source: '22-TB/TCT' },
      },
    ]);
  },
  localStorage: filtersFor('2021-H1'),
});

describe('Lịch sử, sửa / hủy bản ghi, nhật ký against socai serve', () => {
  it("opens a class's history from its row: who, when, why, and the diff", async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    await openArea(p, 'classPlans', 'classplans-page');
    await p.getByPlaceholder('Tìm theo tên lớp').fill('khóa 47');
    await p.getByTestId(`class-actions-${CLASS_ID}`).click();
    await p.locator('[data-testid="row-action-history"]:visible').click();

    await p.getByTestId('audit-history').waitFor();
    await expect.poll(() => text(p.getByTestId('history-name'))).toBe(CLASS_NAME);
    const [opened, changed] = (await history(`class-${CLASS_ID}`)).events;
    expect(await text(p.getByTestId('history-count'))).toBe('2 sự kiện');
    const row = await text(rowOf(changed!.seq));
    for (const want of ['Thay đổi sĩ số lớp', '10/05/2021', 'Cầm Thị Lan', '02 học viên thôi học', '22-TB/TCT']) {
      expect(row).toContain(want);
    }
    expect(await text(p.getByTestId(`history-changes-${changed!.seq}`))).toBe('sĩ số: 45 → 43');
    expect(await text(p.getByTestId(`history-changes-${opened!.seq}`))).toContain('trạng thái: – → đang học');
    expect(await text(p.getByTestId('history-state'))).toContain('43');
  });

  it('refuses a correction without a reason, and records nothing', async () => {
    const p = h.page;
    const before = await eventCount(h);
    const [, changed] = (await history(`class-${CLASS_ID}`)).events;
    await p.getByTestId(`history-correct-${changed!.seq}`).click();
    await p.getByTestId('correction-form').waitFor();
    await p.locator('#correction_data_students').fill('44');
    await p.getByTestId('correction-submit').click();
    await fieldError(p, 'correction_reason').waitFor();
    expect(await text(fieldError(p, 'correction_reason'))).toBe('Bắt buộc nhập');
    await p.getByTestId('correction-cancel').click();
    await p.getByTestId('correction-form').waitFor({ state: 'detached' });
    expect(await eventCount(h)).toBe(before);
  });

  it('corrects the enrolment: the wrong event struck through, the retraction and the replacement', async () => {
    const p = h.page;
    const before = await eventCount(h);
    const [, changed] = (await history(`class-${CLASS_ID}`)).events;
    await p.getByTestId(`history-correct-${changed!.seq}`).click();
    await p.getByTestId('correction-form').waitFor();
    expect(await p.locator('#correction_data_students').inputValue()).toBe('43');
    expect(await p.locator('#correction_data_class_id').isDisabled()).toBe(true);
    await p.locator('#correction_reason').fill('Nhập nhầm: chỉ 01 học viên thôi học');
    await p.locator('#correction_source').fill('23-TB/TCT');
    await p.locator('#correction_data_students').fill('44');
    await screenshot(p, 'lich-su-sua-ban-ghi.png');
    await p.getByTestId('correction-submit').click();
    await p.getByTestId('correction-form').waitFor({ state: 'detached' });
    expect(await eventCount(h)).toBe(before + 2);

    const events = (await history(`class-${CLASS_ID}`)).events;
    const [, wrong, retraction, replacement] = events;
    expect(events.map((e) => e.type)).toEqual([
      'ClassOpened',
      'ClassEnrollmentChanged',
      'EventRetracted',
      'ClassEnrollmentChanged',
    ]);
    await expect.poll(() => text(p.getByTestId('history-count'))).toBe('4 sự kiện');
    // the wrong event stays, struck through, linked to its retraction and replacement
    const wrongRow = await text(rowOf(wrong!.seq));
    expect(wrongRow).toContain(`Đã hủy bởi sự kiện số ${formatInt(retraction!.seq)}`);
    expect(wrongRow).toContain(`Được thay bằng sự kiện số ${formatInt(replacement!.seq)}`);
    const decoration = await p
      .getByTestId(`history-changes-${wrong!.seq}`)
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(decoration).toBe('line-through');
    // the retraction undoes it, the replacement says what is right
    expect(await text(rowOf(retraction!.seq))).toContain('Nhập nhầm: chỉ 01 học viên thôi học');
    expect(await text(p.getByTestId(`history-changes-${retraction!.seq}`))).toBe('sĩ số: 43 → 45');
    expect(await text(p.getByTestId(`history-changes-${replacement!.seq}`))).toBe('sĩ số: 45 → 44');
    expect(await text(rowOf(replacement!.seq))).toContain('23-TB/TCT');

    // the diff table of the replacement: field, before, after
    await rowOf(replacement!.seq).locator('.ant-table-row-expand-icon').click();
    const diff = p.getByTestId(`history-diff-${replacement!.seq}`).locator('tbody tr');
    await diff.first().waitFor();
    expect(await text(diff.first())).toBe('sĩ số4544');
    // the link on the wrong event opens its retraction
    await p.getByTestId(`history-link-${retraction!.seq}`).first().click();
    await p.getByTestId(`history-detail-${retraction!.seq}`).waitFor();
    await screenshot(p, 'lich-su-doi-tuong.png');

    // the figures follow: 44 students, the wrong 43 counts nowhere
    const classes = await h.api<{ class_id: string; students: number }[]>('ClassPlanService', 'Classes', 'sonla');
    expect(classes.find((c) => c.class_id === CLASS_ID)?.students).toBe(44);
    expect(h.pageErrors).toEqual([]);
  });

  it('shows a refused replacement at its field and records nothing', async () => {
    const p = h.page;
    const before = await eventCount(h);
    await p.getByTestId('history-search').fill('class-sonla-20-tc-03');
    await p.getByTestId('history-search').press('Enter');
    await expect.poll(() => text(p.getByTestId('history-name'))).toContain('khóa 43');
    const changed = (await history('class-sonla-20-tc-03')).events.find((e) => e.type === 'ClassEnrollmentChanged')!;
    await p.getByTestId(`history-correct-${changed.seq}`).click();
    await p.getByTestId('correction-form').waitFor();
    await p.locator('#correction_reason').fill('Thử sửa sĩ số âm');
    await p.locator('#correction_data_students').fill('-1');
    await p.getByTestId('correction-submit').click();
    // a negative roll is refused, where it was typed or above the form
    await p.locator('[data-testid="correction-alert"], .ant-form-item-explain-error').first().waitFor();
    await screenshot(p, 'lich-su-tu-choi.png');
    await p.getByTestId('correction-cancel').click();
    expect(await eventCount(h)).toBe(before);
  });

  it('pages the global log on the server and opens an entity from it', async () => {
    const p = h.page;
    const total = await eventCount(h);
    await p.goto(h.pageUrl);
    await openArea(p, 'inspections', 'audit-page');
    await p.getByRole('tab', { name: 'Nhật ký sự kiện' }).click();
    await p.getByTestId('audit-log').waitFor();
    await expect.poll(() => text(p.getByTestId('log-total'))).toBe(`${formatInt(total)} sự kiện`);
    const firstSeq = () => text(p.locator('[data-testid="log-table"] tbody tr.ant-table-row').first().locator('td').first());
    await expect.poll(firstSeq).toBe(formatInt(total));

    await p.locator('[data-testid="log-table"] .ant-pagination-item-2').click();
    await expect.poll(firstSeq).toBe(formatInt(total - 50));
    expect(await p.locator('[data-testid="log-table"] tbody tr.ant-table-row').count()).toBe(50);
    // the same page the service gives after the first one
    const page1 = await h.api<LogPage>('HistoryService', 'Log', { limit: 50 });
    const page2 = await h.api<LogPage>('HistoryService', 'Log', { limit: 50, before: page1.events[49]!.seq });
    expect(page2.events[0]!.seq).toBe(total - 50);
    await screenshot(p, 'nhat-ky-su-kien.png');

    // the retraction, by type; its row opens the class's history
    await pickOption(p, p.getByTestId('log-filter-type'), 'Hủy bản ghi');
    await expect.poll(() => text(p.getByTestId('log-total'))).toBe('1 sự kiện');
    await p.locator('[data-testid="log-table"] tbody tr.ant-table-row').first().click();
    await p.getByTestId('audit-history').waitFor();
    await expect.poll(() => text(p.getByTestId('history-name'))).toBe(CLASS_NAME);
    expect(h.pageErrors).toEqual([]);
  });
});
