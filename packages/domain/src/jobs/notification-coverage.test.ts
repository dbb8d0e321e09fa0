import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REFERRAL_KINDS } from '../lifecycles/referral';
import { NOTIFICATION_TEMPLATES } from './notification-templates';

// Every notification the kernel and the API emit must have its own text: the fallback ("an update: <code>")
// shows a code to a citizen or an officer. The scan reads the sources for the notify helpers' literal
// template names; the template literals built from a list are expanded from that list below.
const here = dirname(fileURLToPath(import.meta.url));
const roots = [join(here, '..'), join(here, '..', '..', '..', 'api', 'src')];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return name.endsWith('.ts') && !name.includes('.test.') ? [path] : [];
  });
}

const HELPER = /\b(?:toLead|toUnit|toRecipient|notifyUnit|notifyRole|toRole|toSender|toReporter)\(([^()]*)\)/g;
const LITERAL = /'([a-z_]+\.[a-z_.]+)'/g;
const FIELD = /template: ([^,}\n]*)/g;

function usedTemplates(): Set<string> {
  const used = new Set<string>();
  for (const file of roots.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(HELPER)) for (const l of (m[1] ?? '').matchAll(LITERAL)) used.add(l[1]!);
    for (const m of text.matchAll(FIELD)) for (const l of (m[1] ?? '').matchAll(LITERAL)) used.add(l[1]!);
  }
  for (const kind of REFERRAL_KINDS) used.add(`referral.sent.${kind}`);
  for (const to of ['requested', 'approved', 'denied']) used.add(`disclosure.${to}`);
  for (const flag of ['overdue', 'limit_exceeded']) used.add(`deadline.${flag}`);
  return used;
}

describe('notification templates cover every notification sent', () => {
  const used = usedTemplates();
  it('finds the notifications the lifecycles send (the scan works)', () => {
    for (const known of ['hazard.ordered', 'report.submitted_urgent', 'referral.acknowledged', 'campaign_task.completed', 'report.message']) expect(used).toContain(known);
  });
  it('has zh-CN and English text for each of them', () => {
    const missing = [...used].filter((name) => !(name in NOTIFICATION_TEMPLATES)).sort();
    expect(missing).toEqual([]);
    for (const name of used) {
      const tpl = NOTIFICATION_TEMPLATES[name]!;
      for (const text of [tpl.subject['zh-CN'], tpl.subject.en, tpl.body['zh-CN'], tpl.body.en]) expect(text.trim().length, name).toBeGreaterThan(0);
    }
  });
});
