import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, closeBrowser } from '../harness';
import { axeClean, consoleAs, settled } from '../harness/journey';

afterAll(closeBrowser);

describe('the admin sees notification deliveries and dead letters', () => {
  it('lists the deliveries the outbox job made, filters by status, and is not offered to other roles', async () => {
    // The job runner fans the demo city's lapsed clocks out into deliveries shortly after start.
    const admin = await apiAs('admin');
    await expect.poll(async () => (await admin.admin.outbox.list.query({ limit: 5 })).length, { timeout: 90_000, interval: 2_000 }).toBeGreaterThan(0);

    const s = await consoleAs('admin');
    try {
      await s.page.getByTestId('main-menu').getByText('通知投递', { exact: true }).click();
      await s.page.getByRole('heading', { name: '通知投递' }).waitFor();
      await settled(s);
      const rows = s.page.locator('[data-testid="deliveries"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      expect(await s.page.getByTestId('deliveries').textContent()).not.toMatch(/1[3-9]\d{9}/); // no phone number anywhere
      await s.screenshot('console-notifications-1280');
      await axeClean(s);

      // Dead letters only: the demo has none unless a channel failed eight times.
      const dead = (await admin.admin.outbox.list.query({ status: 'dead', limit: 500 })).length;
      await s.page.getByText('死信', { exact: true }).first().click();
      await settled(s);
      if (dead === 0) await s.page.getByText('没有符合条件的投递记录').waitFor();
      else await expect.poll(() => rows.count()).toBe(Math.min(dead, 20));
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }

    const inspector = await consoleAs('inspector');
    try {
      await inspector.page.getByTestId('main-menu').waitFor();
      expect(await inspector.page.getByTestId('main-menu').getByText('通知投递', { exact: true }).count()).toBe(0);
      await expect((await apiAs('inspector')).admin.outbox.list.query({ limit: 5 })).rejects.toMatchObject({ data: { httpStatus: 403 } });
    } finally {
      await inspector.close();
    }
  }, 180_000);
});

describe('my work shows what the system told me', () => {
  it('lists the supervisor’s notifications (the deadline job escalates to this queue) and marks them read', async () => {
    const api = await apiAs('supervisor');
    const mine = await api.notifications.mine.query();
    const s = await consoleAs('supervisor');
    try {
      const card = s.page.getByTestId('my-notifications');
      await card.waitFor();
      await settled(s);
      if (mine.length === 0) {
        await card.getByText('暂无提醒').waitFor();
      } else {
        // The job runner keeps adding notifications while the page loads: at least the ones read before.
        await expect.poll(() => card.getByTestId('notification').count()).toBeGreaterThanOrEqual(Math.min(mine.length, 50));
      }
      await s.screenshot('console-my-work-notifications-1280');
      await axeClean(s);
      // Mark all read: the ones shown become read (other journeys may add new ones meanwhile).
      const shownUnread = await card.locator('[data-testid="notification"].console-notification--unread').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
      if (shownUnread.length > 0) {
        await card.getByRole('button', { name: '全部标为已读' }).click();
        await expect
          .poll(async () => (await api.notifications.mine.query()).filter((n) => shownUnread.includes(n.id) && n.readAt === null).length, { timeout: 20_000 })
          .toBe(0);
      }
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);
});
