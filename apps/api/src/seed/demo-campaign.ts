import { chinaDate, type CampaignTaskCommand } from '@firebreak/domain';
import { DEMO_CITY, type DepartmentKey } from './demo-city';
import type { LifecycleDriver } from './lifecycle-driver';
import type { SeededOrg, SeededUser } from './seed-org';
import type { Timeline } from './timeline';

const DAY = 86_400_000;

/** Where a task ends up in the demo; the steps to get there follow from it. */
type Target = 'draft' | 'assigned' | 'in_progress' | 'sent_back' | 'reported' | 'completed' | 'overdue';

interface TaskSpec {
  readonly code: string;
  readonly title: string;
  readonly lead: DepartmentKey;
  readonly target: Target;
  readonly children?: readonly TaskSpec[];
}

/**
 * The task list of the running campaign (四个清单之任务清单), after the ten
 * requirements of the mobilisation speech in the seeds: seven major items, their
 * sub-items and a few sub-sub-items, in every state a task can be in.
 */
export const DEMO_CAMPAIGN_TASKS: readonly TaskSpec[] = [
  {
    code: '1', title: '明确范围，细化标准', lead: 'detachment', target: 'in_progress',
    children: [
      { code: '1.1', title: '制定“9+4”类场所整治标准并向社会发布', lead: 'detachment', target: 'completed' },
      { code: '1.2', title: '在各类场所张贴整治标准和措施', lead: 'detachment', target: 'completed' },
    ],
  },
  {
    code: '2', title: '集中部署，深入发动', lead: 'committee', target: 'in_progress',
    children: [
      { code: '2.1', title: '召开行业部门和重点场所负责人部署会议', lead: 'committee', target: 'completed' },
      { code: '2.2', title: '发动社会单位开展自查自改', lead: 'industry.market_regulation', target: 'assigned' },
    ],
  },
  {
    code: '3', title: '内外并重，强化培训', lead: 'detachment', target: 'in_progress',
    children: [
      { code: '3.1', title: '对党政领导、行业部门负责人开展消防安全培训', lead: 'committee', target: 'reported' },
      { code: '3.2', title: '对派出所民警、网格员开展消防检查培训', lead: 'committee', target: 'in_progress' },
      { code: '3.3', title: '组织消防监督员执法能力培训', lead: 'detachment', target: 'sent_back' },
    ],
  },
  {
    code: '4', title: '单位自查，公开承诺', lead: 'committee', target: 'in_progress',
    children: [
      { code: '4.1', title: '推动重点场所签订并公示消防安全承诺书', lead: 'detachment', target: 'reported' },
      { code: '4.2', title: '学校、幼儿园消防安全自查自改', lead: 'industry.education', target: 'completed' },
      { code: '4.3', title: '养老机构消防安全自查自改', lead: 'industry.civil_affairs', target: 'overdue' },
    ],
  },
  {
    code: '5', title: '条线结合，推动排查', lead: 'detachment', target: 'in_progress',
    children: [
      { code: '5.1', title: '派出所开展“九小场所”消防监督检查', lead: 'police.hubin', target: 'assigned' },
      {
        code: '5.2', title: '行业部门开展本行业消防安全排查', lead: 'industry.housing_construction', target: 'assigned',
        children: [
          { code: '5.2.1', title: '建设工地临时建筑和动火作业排查', lead: 'industry.housing_construction', target: 'assigned' },
          { code: '5.2.2', title: '高层建筑消防设施专项检查', lead: 'industry.housing_construction', target: 'draft' },
          { code: '5.2.3', title: '文物建筑和宗教场所用火用电检查', lead: 'industry.culture_tourism', target: 'assigned' },
        ],
      },
      { code: '5.3', title: '医院住院部走廊加床专项整治', lead: 'industry.health', target: 'overdue' },
    ],
  },
  {
    code: '6', title: '严格执法，履职到位', lead: 'detachment', target: 'in_progress',
    children: [
      { code: '6.1', title: '重大火灾隐患挂牌督办', lead: 'committee', target: 'in_progress' },
      { code: '6.2', title: '依法查处消防违法行为并曝光', lead: 'brigade.donghu', target: 'assigned' },
    ],
  },
  {
    code: '7', title: '定期调度，强化督导', lead: 'committee', target: 'in_progress',
    children: [
      { code: '7.1', title: '每周分析研判、半月小结', lead: 'committee', target: 'reported' },
      { code: '7.2', title: '月度调度通报和季度考核排名', lead: 'committee', target: 'draft' },
    ],
  },
];

export interface CampaignWorld {
  readonly driver: LifecycleDriver;
  readonly timeline: Timeline;
  readonly org: SeededOrg;
  readonly users: ReadonlyMap<string, SeededUser>;
  readonly now: Date;
}

/**
 * The account that reports for a lead department. Tasks sit at the campaign's
 * (city) jurisdiction, so only city-level staff have them in scope: tasks led by
 * a district brigade or a police station stay assigned in the demo.
 */
const ACTING_USER: Partial<Record<DepartmentKey, string>> = {
  detachment: 'city.supervisor',
  'industry.education': 'industry',
  committee: 'committee',
};

export function scheduleCampaign(world: CampaignWorld): { campaignId: () => string } {
  const { driver, timeline, org, users, now } = world;
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * DAY + hours * 3_600_000);
  const owner = users.get('committee')!;
  let campaignId = '';

  timeline.add(at(45), async () => {
    campaignId = await driver.createCampaign(owner, {
      name: `${DEMO_CITY}消防安全执法检查专项行动（2026）`,
      jurisdictionId: org.jurisdiction('city', DEMO_CITY),
      leadDepartmentId: org.department('committee'),
      startsOn: chinaDate(at(45)),
      endsOn: chinaDate(at(-120)),
      plan: {
        cadence: { analysis: 'weekly', summary: 'semi-monthly', dispatch: 'monthly', bulletin: 'monthly', report: 'quarterly' },
        lists: ['tasks', 'progress', 'hazards', 'measures'],
        source: '全省消防安全执法检查专项行动工作方案',
      },
    });
  });
  timeline.add(at(45, 1), () => driver.activateCampaign(owner, campaignId));

  const lead = (key: DepartmentKey) => {
    const username = ACTING_USER[key];
    return username ? users.get(username) ?? null : null;
  };
  const step = (when: Date, by: SeededUser, task: { id: string }, command: CampaignTaskCommand) =>
    timeline.add(when, () => driver.campaignTask(by, task.id, command));

  let n = 0;
  const schedule = (spec: TaskSpec, parent: { id: string; code: string } | null, ordinal: number) => {
    const task = { id: '', code: spec.code };
    const created = at(44, n++ * 0.05);
    timeline.add(created, async () => {
      task.id = await driver.createCampaignTask(owner, {
        campaignId,
        jurisdictionId: org.jurisdiction('city', DEMO_CITY),
        code: spec.code,
        title: spec.title,
        parent: parent && parent.id ? parent : null,
        ordinal,
      });
    });
    const leader = lead(spec.lead);
    if (spec.target !== 'draft') {
      const overdue = spec.target === 'overdue';
      step(at(43), owner, task, {
        type: 'assign',
        leadDepartmentId: org.department(spec.lead),
        deadline: (overdue ? at(8) : at(-60 - ordinal * 5)).toISOString(),
      });
      if (overdue) step(at(7), owner, task, { type: 'mark_overdue' });
    }
    if (leader && ['in_progress', 'sent_back', 'reported', 'completed'].includes(spec.target)) {
      step(at(40), leader, task, { type: 'start' });
      const figures = { unitsInspected: 20 + ordinal * 7, hazardsFound: 6 + ordinal, hazardsRemediated: 4 + ordinal, trainingSessions: 2, peopleTrained: 60 + ordinal * 10 };
      if (spec.target === 'sent_back') {
        step(at(20), leader, task, { type: 'report_progress', figures, summary: '已完成第一阶段培训。' });
        step(at(18), owner, task, { type: 'send_back', reason: '培训覆盖面不足，请补充各大队监督员参训情况。' });
      }
      if (spec.target === 'reported' || spec.target === 'completed') {
        step(at(10), leader, task, { type: 'report_progress', figures, summary: `${spec.title}：阶段工作已完成，报送进展。` });
      }
      if (spec.target === 'completed') step(at(6), owner, task, { type: 'accept' });
    }
    spec.children?.forEach((child, i) => schedule(child, task, i + 1));
  };
  DEMO_CAMPAIGN_TASKS.forEach((spec, i) => schedule(spec, null, i + 1));
  return { campaignId: () => campaignId };
}
