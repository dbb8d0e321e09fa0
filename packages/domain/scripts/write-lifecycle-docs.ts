// Writes docs/domain/<lifecycle>.md and docs/domain/README.md from the transition
// tables, so the diagrams are never drawn by hand. Run: pnpm docs:domain.
// src/lifecycles/docs.test.ts fails when a committed doc differs from what this renders.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROLE_NAMES, type Role } from '../src/common/roles';
import { LIFECYCLES } from '../src/lifecycles/index';
import { toMermaid, type Lifecycle } from '../src/lifecycles/machine';

export const DOCS_DIR = fileURLToPath(new URL('../../../docs/domain/', import.meta.url));

type AnyLifecycle = Lifecycle<string, string>;

const GENERATED = '<!-- Generated from the transition table by packages/domain/scripts/write-lifecycle-docs.ts. Do not edit: run `pnpm docs:domain`. -->';

/** 'REWARD_CLAIM' → 'reward-claim.md'. */
export function docFileName(lc: AnyLifecycle): string {
  return `${lc.name.toLowerCase().replace(/_/g, '-')}.md`;
}

const code = (s: string): string => `\`${s}\``;
const roleName = (r: Role): string => `${r}（${ROLE_NAMES[r].zh}）`;

export function renderLifecycleDoc(lc: AnyLifecycle): string {
  const rows = lc.transitions.map(
    (t) =>
      `| ${code(t.command)} | ${t.label.zh} / ${t.label.en} | ${t.from.map(code).join(', ')} | ${code(t.to)} | ${t.roles.map(roleName).join(', ')} | ${t.scoped ? '是 yes' : '否 no'} |`,
  );
  return [
    GENERATED,
    '',
    `# ${lc.title.zh} / ${lc.title.en}`,
    '',
    `- 实体 Entity: ${code(lc.entity)}`,
    `- 错误码前缀 Error code prefix: ${code(`${lc.name}.`)}`,
    `- 初始状态 Initial status: ${code(lc.initial)}`,
    `- 终止状态 Terminal statuses: ${lc.terminal.map(code).join(', ')}`,
    `- 全部状态 All statuses: ${lc.states.map(code).join(', ')}`,
    '',
    '## 状态图 / State diagram',
    '',
    '```mermaid',
    toMermaid(lc),
    '```',
    '',
    '## 状态转换 / Transitions',
    '',
    '每条转换先由 `guard` 检查状态、角色和辖区；命令自身的前置条件（签名、不同人员、期限等）见源码。',
    'Each transition is first checked by `guard` (status, role, jurisdiction); command-specific preconditions',
    '(signatures, distinct people, deadlines) are in the source.',
    '',
    '| 命令 Command | 说明 Label | 从 From | 到 To | 角色 Roles | 辖区限定 Scoped |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function renderIndex(lifecycles: readonly AnyLifecycle[]): string {
  const rows = lifecycles.map(
    (lc) => `| [${lc.title.zh} / ${lc.title.en}](./${docFileName(lc)}) | ${code(lc.name)} | ${lc.states.length} | ${lc.transitions.length} |`,
  );
  return [
    GENERATED,
    '',
    '# 业务生命周期 / Domain lifecycles',
    '',
    '每个生命周期是一张转换表（packages/domain/src/lifecycles/）；本目录的状态图由转换表生成。',
    'Each lifecycle is a transition table in packages/domain/src/lifecycles/; the diagrams here are generated from it.',
    '',
    '| 生命周期 Lifecycle | 代码 Code | 状态数 Statuses | 转换数 Transitions |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** Every file the docs directory should hold, by name. */
export function renderAll(lifecycles: readonly AnyLifecycle[] = LIFECYCLES): Map<string, string> {
  const files = new Map<string, string>([['README.md', renderIndex(lifecycles)]]);
  for (const lc of lifecycles) files.set(docFileName(lc), renderLifecycleDoc(lc));
  return files;
}

function main(): void {
  mkdirSync(DOCS_DIR, { recursive: true });
  const files = renderAll();
  // A lifecycle that was renamed or removed must not leave its old generated page behind.
  for (const existing of readdirSync(DOCS_DIR)) {
    const path = join(DOCS_DIR, existing);
    if (existing.endsWith('.md') && !files.has(existing) && readFileSync(path, 'utf8').startsWith(GENERATED)) rmSync(path);
  }
  for (const [name, text] of files) writeFileSync(join(DOCS_DIR, name), text);
  console.log(`wrote ${files.size} files to ${DOCS_DIR}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
