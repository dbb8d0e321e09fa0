import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { Alert, Card, Table, Tabs } from 'antd';
import { useText } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

type Department = RouterOutputs['admin']['org']['listDepartments'][number];
type User = RouterOutputs['admin']['org']['listUsers'][number];

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  fire_agency: { zh: '消防救援机构', en: 'Fire agency' },
  police_station: { zh: '公安派出所', en: 'Police station' },
  industry: { zh: '行业部门', en: 'Industry department' },
  committee_office: { zh: '消安委办', en: 'Fire safety committee office' },
  government: { zh: '街道乡镇', en: 'Local government' },
  expert_pool: { zh: '专家库', en: 'Expert pool' },
  discipline: { zh: '纪检监察', en: 'Discipline inspection' },
  unit: { zh: '社会单位', en: 'Social unit' },
};

/** Departments and accounts in the admin's subtree (组织与用户, issue 11 §10), users paged by the server. */
export default function AdminOrg() {
  const trpc = useTRPC();
  const { tx, label, role, dateTime, errorText } = useText();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const departments = useQuery(trpc.admin.org.listDepartments.queryOptions({}));
  const users = useQuery(trpc.admin.org.listUsers.queryOptions({ limit: pageSize + 1, offset: (page - 1) * pageSize }, { placeholderData: keepPreviousData }));
  const deptName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const rows = (users.data ?? []).slice(0, pageSize);
  const more = (users.data?.length ?? 0) > pageSize;
  return (
    <>
      <PageHead title={tx('组织与用户', 'Organisation and users')}>
        <span className="console-muted">{tx('本辖区内的部门与账号', 'Departments and accounts in your jurisdiction')}</span>
      </PageHead>
      {departments.isError ? <Alert type="error" showIcon title={errorText(departments.error)} /> : null}
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'users',
              label: tx('用户', 'Users'),
              children: (
                <Table<User>
                  rowKey="id"
                  size="small"
                  data-testid="org-users"
                  loading={users.isFetching}
                  dataSource={rows}
                  pagination={{ current: page, pageSize, total: (page - 1) * pageSize + rows.length + (more ? 1 : 0), onChange: setPage, showSizeChanger: false }}
                  columns={[
                    { title: tx('用户名', 'Username'), dataIndex: 'username', width: 160 },
                    { title: tx('姓名', 'Name'), dataIndex: 'displayName', width: 140 },
                    { title: tx('角色', 'Role'), dataIndex: 'role', width: 140, render: (v: string) => role(v) },
                    { title: tx('部门', 'Department'), dataIndex: 'departmentId', render: (v: string | null) => (v ? (deptName.get(v) ?? '—') : '—') },
                    { title: tx('状态', 'Status'), dataIndex: 'disabled', width: 90, render: (v: boolean) => (v ? <ToneTag tone="muted">{tx('已停用', 'Disabled')}</ToneTag> : <ToneTag tone="ok">{tx('正常', 'Active')}</ToneTag>) },
                    { title: tx('最近登录', 'Last sign-in'), dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => dateTime(v) },
                  ]}
                />
              ),
            },
            {
              key: 'departments',
              label: tx('部门', 'Departments'),
              children: (
                <Table<Department>
                  rowKey="id"
                  size="small"
                  data-testid="org-departments"
                  loading={departments.isFetching}
                  dataSource={departments.data ?? []}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: tx('名称', 'Name'), dataIndex: 'name', render: (v: string, r) => tx(v, r.nameEn ?? v) },
                    { title: tx('类型', 'Kind'), dataIndex: 'kind', width: 160, render: (v: string) => label(KIND_NAMES[v]) || v },
                    { title: tx('层级', 'Level'), dataIndex: 'level', width: 100 },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
