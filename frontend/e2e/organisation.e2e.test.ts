// Tổ chức, from an empty ledger (socai init, no demo): decline the demo, follow the
// dashboard to "Tổ chức", form the cluster, register two schools, define a class
// type, assign the year's roles and record a staff count (a negative one is refused
// at its field and records nothing); then a target and a class on "Kế hoạch mở lớp",
// and the dashboard shows their figures. Everything through the UI.

import { describe, expect, it } from 'vitest';
import {
  eventCount,
  fieldError,
  filtersFor,
  openArea,
  pickOption,
  screenshot,
  setupHarness,
  text,
  typeDate,
} from './harness';

// an empty ledger (socai init), showing the first half of 2025
const h = setupHarness({ localStorage: filtersFor('2025-H1') });

const CLUSTER = 'Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc';
const SONLA = 'Trường Chính trị tỉnh Sơn La';
const LAICHAU = 'Trường Chính trị tỉnh Lai Châu';

/** Opens a form from its button, fills it, records it and waits until it closes. */
async function record(name: string, button: string, fill: () => Promise<void>): Promise<void> {
  const p = h.page;
  await p.getByTestId(button).click();
  await p.getByTestId(`${name}-form`).waitFor();
  await fill();
  await p.getByTestId(`${name}-submit`).click();
  await p.getByTestId(`${name}-form`).waitFor({ state: 'detached', timeout: 30_000 });
}

describe('Tổ chức from an empty ledger against socai serve', () => {
  it('declines the demo and is guided to set up the cluster', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    const prompt = p.getByTestId('demo-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    // a click during the prompt's opening animation may be lost on a busy machine: again until it closes
    await expect
      .poll(
        async () => {
          if (await prompt.isVisible()) await p.getByTestId('demo-empty').click({ timeout: 5_000 }).catch(() => {});
          return prompt.isVisible();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(false);
    const guide = p.getByTestId('setup-guide');
    await guide.waitFor({ timeout: 30_000 });
    expect(await text(guide)).toContain('Sổ cái chưa có cụm thi đua');
    expect(await text(p.getByTestId('btn-setup'))).toBe('Thiết lập cụm thi đua');
    expect(await p.getByTestId('ov-executed-classes').count()).toBe(0);
    expect(await eventCount(h)).toBe(0);
    await screenshot(p, 'tong-quan-so-cai-trong.png');

    await p.getByTestId('btn-setup').click();
    await p.getByTestId('organisation-page').waitFor();
    expect(await text(p.getByTestId('org-steps'))).toContain('Thành lập cụm');
    // nothing to register schools in yet
    expect(await p.getByTestId('btn-registerSchool').isDisabled()).toBe(true);
  });

  it('forms the cluster, registers two schools and defines a class type', async () => {
    const p = h.page;
    await record('formCluster', 'btn-formCluster', async () => {
      await p.locator('#formCluster_name').fill(CLUSTER);
      await p.locator('#formCluster_region').fill('Miền núi biên giới phía Bắc');
      // the code is suggested from the region
      await expect.poll(() => p.locator('#formCluster_cluster_id').inputValue()).toBe('mnbgpb');
      await p.locator('#formCluster_note_source').fill('Quyết định 683-QĐ/HVCTQG');
    });
    await expect.poll(() => text(p.getByTestId('clusters-table'))).toContain(CLUSTER);

    for (const [name, province, id] of [
      [SONLA, 'Sơn La', 'sonla'],
      [LAICHAU, 'Lai Châu', 'laichau'],
    ] as const) {
      await record('registerSchool', 'btn-registerSchool', async () => {
        await p.locator('#registerSchool_name').fill(name);
        await p.locator('#registerSchool_province').fill(province);
        await expect.poll(() => p.locator('#registerSchool_school_id').inputValue()).toBe(id);
        // one cluster: nothing to choose
        expect(await p.locator('#registerSchool_cluster_id').isVisible()).toBe(false);
      });
      await expect.poll(() => text(p.getByTestId('schools-table'))).toContain(name);
    }

    await record('defineClassType', 'btn-defineClassType', async () => {
      await p.locator('#defineClassType_name').fill('Trung cấp lý luận chính trị - hành chính');
      await pickOption(p, p.locator('#defineClassType_group'), 'Đào tạo');
      await p.locator('#defineClassType_class_type').fill('tc_llct_hc');
    });
    await expect.poll(() => text(p.getByTestId('classtypes-table'))).toContain('Trung cấp lý luận chính trị - hành chính');
    // the setup steps are done
    await p.getByTestId('org-steps').waitFor({ state: 'detached' });
    expect(await eventCount(h)).toBe(4);
  });

  it("assigns the year's Cụm trưởng and Cụm phó thường trực", async () => {
    const p = h.page;
    await record('assignRoles', 'btn-assignRoles', async () => {
      expect(await p.locator('#assignRoles_year').inputValue()).toBe('2025');
      await pickOption(p, p.locator('#assignRoles_lead'), SONLA);
      await pickOption(p, p.locator('#assignRoles_standing_deputy'), LAICHAU);
    });
    expect(await eventCount(h)).toBe(5);
    // the roles are listed when this socai can list them
    if ((await p.getByTestId('roles-error').count()) === 0) {
      const row = p.locator('[data-testid="roles-table"] tr.ant-table-row').first();
      await expect.poll(() => text(row)).toContain(SONLA);
      expect(await text(row)).toContain(LAICHAU);
    }
  });

  it('refuses a negative staff count at its field, then records the count', async () => {
    const p = h.page;
    const before = await eventCount(h);
    await p.getByTestId('btn-recordStaff').click();
    await p.getByTestId('staffCount-form').waitFor();
    await pickOption(p, p.locator('#staffCount_school_id'), SONLA);
    await p.locator('#staffCount_staff').fill('-5');
    await p.locator('#staffCount_units').fill('12');
    await p.locator('#staffCount_party_orgs').fill('10');
    await p.getByTestId('staffCount-submit').click();
    const err = fieldError(p, 'staffCount_staff');
    await err.waitFor({ timeout: 30_000 });
    expect(await text(err)).toBe('không được âm (nhận -5)');
    expect(await p.getByTestId('staffCount-alert').count()).toBe(0);
    expect(await eventCount(h)).toBe(before);
    await screenshot(p, 'to-chuc-tu-choi.png');

    await p.locator('#staffCount_staff').fill('52');
    await p.getByTestId('staffCount-submit').click();
    await p.getByTestId('staffCount-form').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => text(p.getByTestId('staff-staff-sonla'))).toBe('52');
    expect(await text(p.getByTestId('staff-units-sonla'))).toBe('12');
    expect(await text(p.locator('[data-testid="staffcounts-table"] tr', { hasText: LAICHAU }))).toContain('Chưa ghi nhận');
    expect(await eventCount(h)).toBe(before + 1);
    await screenshot(p, 'to-chuc.png');
  });

  it('assigns a target and opens a class; the dashboard shows them', async () => {
    const p = h.page;
    await openArea(p, 'classPlans', 'classplans-page');
    await record('assignTarget', 'btn-assignTarget', async () => {
      await pickOption(p, p.locator('#assignTarget_school_id'), SONLA);
      expect(await p.locator('#assignTarget_year').inputValue()).toBe('2025');
      await p.locator('#assignTarget_classes').fill('12');
      await p.locator('#assignTarget_students').fill('600');
    });
    await record('openClass', 'btn-openClass', async () => {
      await pickOption(p, p.locator('#openClass_school_id'), SONLA);
      await pickOption(p, p.locator('#openClass_class_type'), 'Trung cấp lý luận chính trị - hành chính');
      await p.locator('#openClass_name').fill('TC LLCT-HC K46 huyện Mộc Châu');
      await p.locator('#openClass_students').fill('45');
      await typeDate(p, 'openClass_start_date', '10/03/2025');
      await typeDate(p, 'openClass_end_date', '30/06/2026');
    });
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('1/12');

    await openArea(p, 'overview', 'overview-page');
    await expect.poll(() => text(p.getByTestId('ov-executed-classes')), { timeout: 30_000 }).toBe('1/12');
    expect(await text(p.getByTestId('ov-executed-students'))).toBe('45/600');
    expect(await text(p.getByTestId('ov-new'))).toBe('1 lớp');
    expect(await p.getByTestId('setup-guide').count()).toBe(0);
    expect(await p.getByTestId('setup-incomplete').count()).toBe(0);
    expect(await eventCount(h)).toBe(8);
    await p.locator('[data-testid="chart-classes"] svg').waitFor();
    await screenshot(p, 'tong-quan-sau-thiet-lap.png');
    expect(h.pageErrors).toEqual([]);
  });

  it('lets the user choose the cluster once there are several', async () => {
    const p = h.page;
    await openArea(p, 'organisation', 'organisation-page');
    await record('formCluster', 'btn-formCluster', async () => {
      await p.locator('#formCluster_name').fill('Cụm thi đua các trường chính trị khu vực Tây Nguyên');
      await p.locator('#formCluster_region').fill('Tây Nguyên');
    });
    await expect.poll(() => p.locator('[data-testid="clusters-table"] tr.ant-table-row').count()).toBe(2);
    // the schools now say which cluster they belong to
    expect(await text(p.getByTestId('schools-table'))).toContain(CLUSTER);

    await openArea(p, 'awards', 'awards-page');
    await p.getByTestId('btn-awards-more').click();
    await p.locator('[data-testid="more-targets"]:visible').click();
    await p.getByTestId('setTargets-form').waitFor();
    const cluster = p.locator('#setTargets_cluster_id');
    expect(await cluster.isVisible()).toBe(true);
    await pickOption(p, cluster, 'Cụm thi đua các trường chính trị khu vực Tây Nguyên');
    await p.getByTestId('setTargets-cancel').click();
    await p.getByTestId('setTargets-form').waitFor({ state: 'detached' });
    expect(h.pageErrors).toEqual([]);
  });
});
