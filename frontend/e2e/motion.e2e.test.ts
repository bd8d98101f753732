// The window follows the system's animation setting: with "less motion" (every other
// e2e file) a dialog is there at once; otherwise it zooms in, as antd draws it.

import { describe, expect, it } from 'vitest';
import { setupHarness, type Harness } from './harness';

const still = setupHarness({ motion: false });
const moving = setupHarness({ motion: true });

/** The classes of the demo prompt's dialog as it first appears. */
async function firstClasses(h: Harness): Promise<string> {
  const p = h.page;
  await p.goto(h.pageUrl);
  const dialog = p.locator('.ant-modal', { has: p.getByTestId('demo-prompt') });
  await dialog.waitFor({ state: 'attached', timeout: 30_000 });
  return (await dialog.getAttribute('class')) ?? '';
}

describe('animations follow the system setting', () => {
  it('less motion: the dialog appears without its zoom', async () => {
    expect(await firstClasses(still)).not.toMatch(/ant-zoom/);
    expect(still.pageErrors).toEqual([]);
  });

  it('motion: the dialog zooms in', async () => {
    expect(await firstClasses(moving)).toMatch(/ant-zoom-appear/);
    expect(moving.pageErrors).toEqual([]);
  });
});
