import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../calendar/china-date';
import type { Actor } from '../common/actor';
import { createHazard, INSPECTING_ROLES, transitionHazard, type HazardCommand, type HazardState } from './hazard';
import { actor, ctxFor, effectsOfType, expectOk, hoursLater, JURISDICTIONS, T0 } from './test-support';

// A cast of people, some of whom should be refused: an unnamed inspector, a supervisor
// who is the same person as inspector-1, someone from another district, the public.
const CAST: readonly Actor[] = [
  actor('inspector', { userId: 'inspector-1', name: '王一' }),
  actor('inspector', { userId: 'inspector-2', name: '王二' }),
  actor('inspector', { userId: 'inspector-x', name: '' }),
  actor('police_officer', { userId: 'police-1', name: '赵警' }),
  actor('fire_supervisor', { userId: 'sup-1', name: '李队' }),
  actor('fire_supervisor', { userId: 'inspector-1', name: '王一' }),
  actor('inspector', { userId: 'inspector-b', name: '外区', jurisdictionId: JURISDICTIONS.districtB }),
  actor('unit', { userId: 'unit-1', name: '郑经理' }),
  actor('grid_worker', { userId: 'grid-1', name: '周网格' }),
  actor('public', { userId: 'anon-1' }),
];

/** Actors who would usually issue each command; the rest of the cast still appears. */
const NATURAL: Readonly<Record<HazardCommand['type'], readonly number[]>> = {
  confirm: [0, 1, 3, 4],
  dismiss: [0, 4],
  order: [0, 1, 3],
  serve_notice: [0, 1],
  submit_remediation: [7, 0, 3],
  escalate: [0, 4],
  reinspect_pass: [0, 1, 2, 3, 4],
  reinspect_fail: [0, 1, 3],
  close: [4, 5, 0],
  mark_major: [4, 5],
};

/** A command before it meets the clock: deadlines are days from "now" when it runs. */
type Step =
  | { readonly kind: 'confirm' | 'escalate' | 'close' }
  | { readonly kind: 'dismiss'; readonly reason: string }
  | { readonly kind: 'order'; readonly immediate: boolean; readonly dueInDays: number; readonly noticeRef: string | null }
  | { readonly kind: 'serve_notice'; readonly noticeRef: string }
  | { readonly kind: 'submit_remediation'; readonly evidence: readonly string[] }
  | { readonly kind: 'reinspect_pass'; readonly signatureRef: string }
  | { readonly kind: 'reinspect_fail'; readonly signatureRef: string; readonly note: string; readonly dueInDays: number }
  | { readonly kind: 'mark_major'; readonly decided: boolean; readonly determinationId: string };

interface Move {
  readonly step: Step;
  readonly who: number;
  readonly advanceHours: number;
}

const signature = fc.constantFrom('sig', 'sig', 'sig', '');
const dueInDays = fc.integer({ min: -2, max: 12 });

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>({ kind: 'confirm' }, { kind: 'escalate' }, { kind: 'close' }),
  fc.record({ kind: fc.constant('dismiss' as const), reason: fc.constantFrom('不构成', '') }),
  fc.record({ kind: fc.constant('order' as const), immediate: fc.boolean(), dueInDays, noticeRef: fc.constantFrom(null, 'N-1') }),
  fc.record({ kind: fc.constant('serve_notice' as const), noticeRef: fc.constantFrom('N-2', '') }),
  fc.record({ kind: fc.constant('submit_remediation' as const), evidence: fc.constantFrom(['ev-1'], [], [' ']) }),
  fc.record({ kind: fc.constant('reinspect_pass' as const), signatureRef: signature }),
  fc.record({ kind: fc.constant('reinspect_fail' as const), signatureRef: signature, note: fc.constantFrom('未整改', ''), dueInDays }),
  fc.record({ kind: fc.constant('mark_major' as const), decided: fc.boolean(), determinationId: fc.constantFrom('det-1', 'det-2', '') }),
);

const moveFor = (step: fc.Arbitrary<Step>): fc.Arbitrary<Move> =>
  step.chain((s) =>
    fc.record({
      step: fc.constant(s),
      who: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NATURAL[s.kind]) }, { weight: 1, arbitrary: fc.nat({ max: CAST.length - 1 }) }),
      advanceHours: fc.constantFrom(0, 1, 8, 24, 72, 200),
    }),
  );

/** The way to a closure, interleaved with noise so that most runs get somewhere interesting. */
const SPINE: readonly fc.Arbitrary<Step>[] = [
  fc.constant<Step>({ kind: 'confirm' }),
  fc.record({ kind: fc.constant('order' as const), immediate: fc.boolean(), dueInDays: fc.integer({ min: 0, max: 10 }), noticeRef: fc.constantFrom(null, 'N-1') }),
  fc.constant<Step>({ kind: 'submit_remediation', evidence: ['ev-1'] }),
  fc.record({ kind: fc.constant('reinspect_pass' as const), signatureRef: signature }),
  fc.constant<Step>({ kind: 'close' }),
];

const scenarioArb: fc.Arbitrary<Move[]> = fc
  .tuple(
    fc.tuple(...SPINE.map(moveFor)),
    fc.array(moveFor(stepArb), { maxLength: 30 }),
    fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  )
  .map(([spine, noise, picks]) => {
    const out: Move[] = [];
    let i = 0;
    let j = 0;
    for (const takeSpine of picks) {
      if (takeSpine && i < spine.length) out.push(spine[i++]!);
      else if (j < noise.length) out.push(noise[j++]!);
    }
    return [...out, ...spine.slice(i), ...noise.slice(j)];
  });

function toCommand(step: Step, now: Date): HazardCommand {
  const dateIn = (days: number) => chinaDate(hoursLater(now, days * 24));
  switch (step.kind) {
    case 'confirm':
    case 'escalate':
    case 'close':
      return { type: step.kind };
    case 'dismiss':
      return { type: 'dismiss', reason: step.reason };
    case 'order':
      return {
        type: 'order',
        correction: step.immediate ? { mode: 'immediate' } : { mode: 'deadline', dueDate: dateIn(step.dueInDays) },
        noticeRef: step.noticeRef,
      };
    case 'serve_notice':
      return { type: 'serve_notice', noticeRef: step.noticeRef };
    case 'submit_remediation':
      return { type: 'submit_remediation', evidenceRefs: step.evidence };
    case 'reinspect_pass':
      return { type: 'reinspect_pass', signatureRef: step.signatureRef };
    case 'reinspect_fail':
      return { type: 'reinspect_fail', signatureRef: step.signatureRef, note: step.note, newDueDate: dateIn(step.dueInDays) };
    case 'mark_major':
      return { type: 'mark_major', decided: step.decided, determinationId: step.determinationId };
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Accepted {
  readonly command: HazardCommand;
  readonly by: Actor;
}

describe('hazard ledger property', () => {
  it('never closes without a passing re-inspection, signed by a named inspector, after the last remediation', () => {
    const tally = { closed: 0, closerWasSigner: 0, unsignedPass: 0 };
    fc.assert(
      fc.property(scenarioArb, (moves) => {
        let now = T0;
        let state: HazardState = deepFreeze(
          expectOk(
            createHazard(
              { jurisdictionId: JURISDICTIONS.gridA1, venueId: 'venue-1', source: 'inspection', sourceRef: 'insp-1', riskCategory: 'ebike_indoor', description: '室内充电' },
              ctxFor(CAST[0]!, { now }),
            ),
          ).next,
        );
        const log: Accepted[] = [];
        for (const move of moves) {
          now = hoursLater(now, move.advanceHours);
          const by = CAST[move.who]!;
          const command = toCommand(move.step, now);
          const result = transitionHazard(state, command, ctxFor(by, { now }));
          if (!result.ok) {
            expect(result.error.code).toMatch(/^HAZARD\.[A-Z_]+$/);
            expect(result.error.messageZh).not.toBe('');
            if (result.error.code === 'HAZARD.CLOSER_IS_SIGNER') tally.closerWasSigner += 1;
            if (result.error.code === 'HAZARD.SIGNATURE_REQUIRED' || result.error.code === 'HAZARD.SIGNER_UNNAMED') tally.unsignedPass += 1;
            continue;
          }
          expect(result.next.version).toBe(state.version + 1);
          expect(effectsOfType(result.effects, 'audit')).toHaveLength(1);
          log.push({ command, by });
          state = deepFreeze(result.next);
        }

        if (state.status !== 'closed') return;
        tally.closed += 1;
        // Checked against what was actually accepted, independently of the ledger fields.
        const lastSubmission = log.findLastIndex((a) => a.command.type === 'submit_remediation');
        const lastReinspection = log.findLastIndex((a) => a.command.type === 'reinspect_pass' || a.command.type === 'reinspect_fail');
        const pass = log[lastReinspection];
        expect(lastSubmission).toBeGreaterThanOrEqual(0);
        expect(lastReinspection).toBeGreaterThan(lastSubmission);
        expect(pass?.command.type).toBe('reinspect_pass');
        expect((INSPECTING_ROLES as readonly string[]).includes(pass!.by.role)).toBe(true);
        expect(pass!.by.name.trim()).not.toBe('');
        expect(pass!.command.type === 'reinspect_pass' && pass!.command.signatureRef.trim()).toBeTruthy();
        // And the ledger carries the same facts.
        const recorded = state.reinspections.at(-1)!;
        expect(recorded).toMatchObject({ result: 'pass', signer: { userId: pass!.by.userId } });
        expect(recorded.version).toBeGreaterThan(state.remediations.at(-1)!.version);
        expect(state.acceptedBy?.userId).toBe(pass!.by.userId);
        expect(state.closedBy?.userId).not.toBe(pass!.by.userId);
      }),
      { numRuns: 400, seed: 35181 },
    );
    // The property must not hold vacuously: closures happened, and bad closures were tried and refused.
    expect(tally.closed).toBeGreaterThan(0);
    expect(tally.closerWasSigner).toBeGreaterThan(0);
    expect(tally.unsignedPass).toBeGreaterThan(0);
  });
});
