import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, axeClean, closeBrowser, consoleAs, publicApi, settled, type Api } from '../harness';

afterAll(closeBrowser);

const marker = `e2e-major ${randomUUID().slice(0, 8)}`;
const DEMO_UNIT_VENUES = ['湖滨万家福购物广场', '湖滨老街坊小饭馆', '东坡阳光幼儿园'];

/** A fresh confirmed hazard at a crowded venue of 东湖区 that no demo account owns (so no other spec sees it change). */
async function freshHazard(inspector: Api): Promise<{ id: string; venueName: string }> {
  // 湖滨街道 is in 东湖区; a crowded venue (market, entertainment, hotel) so the class is 人员密集场所.
  const found = await publicApi().public.venues.search.query({ query: '湖滨', limit: 50 });
  const crowded = ['market', 'public_entertainment', 'hotel_restaurant', 'small_shop', 'small_restaurant', 'small_hotel', 'small_entertainment', 'small_internet_cafe'];
  const errors: string[] = [];
  for (const v of found.filter((x) => !DEMO_UNIT_VENUES.includes(x.name) && x.categories.some((c) => crowded.includes(c)))) {
    try {
      const { id } = await inspector.hazards.register.mutate({ source: 'grid_patrol', venueId: v.id, riskCategory: 'facilities_disabled', description: `未按规定设置自动喷水灭火系统，安全出口宽度不足 ${marker}` });
      await inspector.hazards.confirm.mutate({ id });
      return { id, venueName: v.name };
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  throw new Error(`no crowded venue in 东湖区 found among ${found.length}: ${errors.slice(0, 3).join('; ')}`);
}

describe('major hazard: determined collectively by an expert group, then listed for supervision', () => {
  let hazardId = '';
  let listingId = '';
  let venueName = '';

  it('expert ticks the GB 35181 elements, sees the kernel decide live, and records the expert group decision', async () => {
    const inspector = await apiAs('inspector');
    const hazard = await freshHazard(inspector);
    hazardId = hazard.id;
    venueName = hazard.venueName;
    const s = await consoleAs('expert', `/console/hazards/${hazardId}`);
    const { page } = s;
    try {
      await page.getByTestId('major-determination-link').click();
      await page.getByTestId('live-result').waitFor();
      await settled(s);
      // Nothing ticked: the counting rules find nothing.
      expect(await page.getByTestId('live-result').getAttribute('data-major')).toBe('false');
      expect(await page.getByTestId('live-rule').textContent()).toBe('未达到任何组合规则');
      // The venue's class comes from its catalog category (人员密集场所).
      expect(await page.getByTestId('venue-classes').getByRole('checkbox', { name: '人员密集场所' }).isChecked()).toBe(true);

      // Three evacuation elements of a crowded venue: the combination rule decides.
      for (const code of ['7.3.1', '7.3.6', '7.3.7']) await page.getByTestId(`element-${code}`).getByRole('checkbox').first().check();
      await page.locator('[data-testid="live-result"][data-major="true"]').waitFor();
      expect(await page.getByTestId('live-result').getAttribute('data-rule')).toBe('crowded_3_evacuation');
      // One of them can be corrected at once: it drops out and the count falls short.
      await page.getByTestId('element-7.3.7').getByRole('checkbox', { name: /可以立即改正/ }).check();
      await page.locator('[data-testid="live-result"][data-major="false"]').waitFor();
      // A direct element decides on its own.
      await page.getByTestId('element-6.6').getByRole('checkbox').first().check();
      await page.locator('[data-testid="live-result"][data-rule="direct"]').waitFor();
      expect(await page.getByTestId('live-rule').textContent()).toBe('直接判定要素（第6章）');
      await page.getByTestId('live-result').scrollIntoViewIfNeeded();
      await s.screenshot('console-major-determination-1280');

      // The expert group: the expert alone is too few, the kernel says so live.
      const decision = page.getByTestId('collective-decision');
      expect(await decision.getByRole('radio', { name: /专家组论证/ }).isChecked()).toBe(true);
      expect(await decision.getByRole('radio', { name: /集体讨论/ }).count()).toBe(0);
      await decision.getByText('专家组论证至少需要7名不同人员参加，实际1人').waitFor();
      expect(await page.getByTestId('record-determination').isDisabled()).toBe(true);
      await page.getByLabel('参加人员（输入姓名后回车）').click();
      for (const name of ['钱专家', '孙专家', '李专家', '周专家', '吴专家', '郑专家']) await page.keyboard.type(`${name}、`);
      await page.getByLabel('同意人数').fill('4');
      await decision.getByText('7人中4人同意，未达到5人的法定比例').waitFor();
      await page.getByLabel('同意人数').fill('6');
      await decision.getByText('决策有效：7人参加，6人同意').waitFor();
      await settled(s);
      await decision.scrollIntoViewIfNeeded();
      await s.screenshot('console-major-collective-decision-1280');
      await axeClean(s);

      await page.getByTestId('record-determination').click();
      await page.getByTestId('determination-row').first().waitFor();
      await page.getByTestId('notice-clock').getByText(/剩余/).waitFor();
      await settled(s);
      await s.screenshot('console-major-determined-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
    const stored = await inspector.major.forHazard.query({ hazardId });
    expect(stored[0]).toMatchObject({ major: true, decidedByRule: 'direct', withExperts: true, determinedByRole: 'expert' });
    expect(stored[0]?.decision).toMatchObject({ kind: 'expert_group', votesFor: 6, check: { participants: 7, required: 5 } });
    const h = await inspector.hazards.get.query({ id: hazardId });
    expect(h.hazard.major?.determinationId).toBe(stored[0]?.id);
  }, 180_000);

  it('the brigade head proposes listed supervision from the determination', async () => {
    expect(hazardId).not.toBe('');
    const s = await consoleAs('supervisor', `/console/hazards/${hazardId}/major`);
    const { page } = s;
    try {
      await page.getByTestId('propose-listing').click();
      const dialog = page.locator('.ant-modal');
      await dialog.getByLabel('提请理由').fill(`经专家组论证为重大火灾隐患，整改难度大，提请政府挂牌督办 ${marker}`);
      await dialog.getByRole('button', { name: '提请', exact: true }).click();
      await page.waitForURL(/\/console\/listings\/[0-9a-f-]{36}$/);
      listingId = page.url().split('/').at(-1)!;
      await page.locator('[data-status="proposed"]').first().waitFor();
      await axeClean(s);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 180_000);

  it('the committee office lists it with a notice number and a rectification deadline', async () => {
    expect(listingId).not.toBe('');
    const s = await consoleAs('committee', `/console/listings/${listingId}`);
    const { page } = s;
    try {
      await page.getByTestId('listing-actions').getByRole('button', { name: '挂牌督办', exact: true }).click();
      const dialog = page.locator('.ant-modal');
      await dialog.getByLabel('挂牌督办通知书文号').fill(`示消安委督〔2026〕${marker.slice(-4)}号`);
      const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
      await dialog.getByLabel('整改期限').click();
      await dialog.getByLabel('整改期限').fill(due);
      await page.keyboard.press('Enter');
      await dialog.getByRole('button', { name: '确定', exact: true }).click();
      await page.locator('[data-status="listed"]').first().waitFor();
      await page.getByText(/剩余 \d+ 个工作日/).first().waitFor();
      await settled(s);
      await s.screenshot('console-listing-1280');
      await axeClean(s);
      await page.getByRole('link', { name: '全部挂牌督办' }).click();
      await page.getByTestId('listings-table').locator(`a[href="/console/listings/${listingId}"]`).waitFor();
      await settled(s);
      await s.screenshot('console-listings-1280');
      await axeClean(s);
      // The register of blacklist entries and interviews, and the exposure approvals: the new listing waits there.
      await page.getByRole('link', { name: '失信黑名单与约谈' }).click();
      await page.getByTestId('blacklist-table').waitFor();
      await settled(s);
      await s.screenshot('console-blacklist-1280');
      await axeClean(s);
      await page.getByRole('tab', { name: '约谈记录' }).click();
      await page.getByTestId('interviews-table').waitFor();
      await page.getByRole('tab', { name: '曝光审批' }).click();
      const row = page.getByTestId('exposure-approvals').locator('tr', { has: page.locator(`a[href="/console/listings/${listingId}"]`) });
      await row.getByText('待审批').waitFor();
      // axe first: it waits past the tab's fade, so the picture shows the settled table.
      await axeClean(s);
      await s.screenshot('console-exposure-approvals-1280');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
    const api = await apiAs('committee');
    const listing = await api.listings.get.query({ id: listingId });
    expect(listing.listing).toMatchObject({ status: 'listed', hazardIds: [hazardId], listedBy: { role: 'committee_officer' } });
  }, 180_000);

  it('an inspector proposes the unit for the blacklist with its grounds and legal basis; the brigade head decides', async () => {
    expect(venueName).not.toBe('');
    const s = await consoleAs('inspector', '/console/blacklist');
    const { page } = s;
    try {
      const propose = page.getByTestId('blacklist-propose');
      await propose.getByLabel('当事单位').click();
      await page.keyboard.type(venueName);
      await page.locator('.ant-select-item-option', { hasText: venueName }).first().click();
      await propose.locator('[data-testid="blacklist-standing"][data-listed="false"]').waitFor();
      await propose.getByRole('button', { name: '提请列入' }).click();
      const dialog = page.locator('.ant-modal');
      await dialog.getByLabel('列入事由').fill(`多次拒绝、阻碍消防监督检查 ${marker}`);
      // Without a legal basis the form says so before anything is sent.
      await dialog.getByRole('button', { name: '提出', exact: true }).click();
      await dialog.getByText('请填写法律依据').waitFor();
      await dialog.getByLabel('法律依据：《消防法》第几条').fill('60');
      await dialog.getByLabel('失信记录（系统已有的处罚记录自动计入）').click();
      await page.locator('.ant-select-item-option', { hasText: '拒绝、阻碍消防监督检查' }).click();
      await dialog.getByLabel('案卷编号').fill(`东消检〔2026〕${marker.slice(-4)}号`);
      await dialog.getByRole('button', { name: '提出', exact: true }).click();
      await propose.getByText('有待决定的建议').waitFor();
      await page.getByTestId('blacklist-table').locator('tr', { hasText: venueName }).getByText('《消防法》第60条').first().waitFor();
      await settled(s);
      await s.screenshot('console-blacklist-proposed-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
    const sup = await consoleAs('supervisor', '/console/blacklist');
    try {
      const row = sup.page.getByTestId('blacklist-table').locator('tr', { hasText: venueName }).filter({ hasText: '已提出' }).first();
      await row.getByRole('button', { name: '决定' }).click();
      await sup.page.locator('.ant-modal').getByLabel('决定书文号').fill(`东消黑〔2026〕${marker.slice(-4)}号`);
      await sup.page.locator('.ant-modal').getByRole('button', { name: '确定', exact: true }).click();
      await sup.page.getByTestId('blacklist-table').locator('tr', { hasText: venueName }).filter({ hasText: '已决定' }).filter({ hasText: '《消防法》第60条' }).first().waitFor();
      await settled(sup);
      await sup.screenshot('console-blacklist-decided-1280');
      await axeClean(sup);
      expect(sup.problems).toEqual([]);
    } finally {
      await sup.close();
    }
  }, 180_000);
});
