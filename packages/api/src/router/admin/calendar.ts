import { z } from 'zod';
import { stamp, validateCalendarConfig } from '@firebreak/domain';
import { listCalendarYear, replaceCalendarYear, runAudited } from '@firebreak/db';
import { requireAccess, referenceOf, treeRootOf, type StaffContext } from '../../application/access';
import { capabilityProcedure, router } from '../../trpc';
import { unwrap } from '../../application/failure';

const day = z.object({ date: z.string().max(10), name: z.string().trim().max(40).optional() });
const setYearInput = z
  .object({
    year: z.int().min(2000).max(2100),
    holidays: z.array(day).max(60),
    adjustedWorkdays: z.array(day).max(20),
  })
  .superRefine((y, c) => {
    // One year per call: the dates must belong to it (the table is keyed by year).
    [...y.holidays.map((d, i) => ['holidays', i, d.date] as const), ...y.adjustedWorkdays.map((d, i) => ['adjustedWorkdays', i, d.date] as const)].forEach(
      ([list, i, date]) => {
        if (!date.startsWith(`${y.year}-`)) c.addIssue({ code: 'custom', message: `date must fall in ${y.year}`, path: [list, i, 'date'] });
      },
    );
  });
const yearInput = z.object({ year: z.int().min(2000).max(2100) });

/** The working calendar is one for the whole deployment: the top of the tree sets it. */
async function authorizeCalendar(ctx: StaffContext): Promise<void> {
  const ref = await referenceOf(ctx);
  await requireAccess(ctx, 'admin.calendar', { jurisdictionId: treeRootOf(ref, ctx.jurisdictionRoot) });
}

export const calendarAdmin = router({
  getYear: capabilityProcedure('admin.calendar')
    .input(yearInput)
    .query(async ({ ctx, input }) => listCalendarYear(ctx.db, input.year)),

  /**
   * Replaces a year's holidays and adjusted working days (调休), validated by the
   * kernel's validateCalendarConfig; every legal time limit counts on it, so the
   * cached calendar is dropped at once.
   */
  setYear: capabilityProcedure('admin.calendar')
    .input(setYearInput)
    .mutation(async ({ ctx, input }) => {
      await authorizeCalendar(ctx);
      const config = unwrap(validateCalendarConfig({ holidays: input.holidays.map((d) => d.date), adjustedWorkdays: input.adjustedWorkdays.map((d) => d.date) }));
      const names = new Map([...input.holidays, ...input.adjustedWorkdays].map((d) => [d.date, d.name ?? null]));
      const days = [
        ...config.holidays.map((date) => ({ date, kind: 'holiday' as const, name: names.get(date) ?? null })),
        ...config.adjustedWorkdays.map((date) => ({ date, kind: 'workday' as const, name: names.get(date) ?? null })),
      ];
      const now = ctx.clock();
      await runAudited(
        ctx.db,
        (tx) => replaceCalendarYear(tx, input.year, days),
        () => ({
          entity: 'calendar',
          entityId: String(input.year),
          action: 'set_year',
          from: null,
          to: 'set',
          by: stamp(ctx.actor, now),
          data: { year: input.year, holidays: config.holidays, adjustedWorkdays: config.adjustedWorkdays },
        }),
      );
      ctx.services.reference.invalidate();
      return { year: input.year, holidays: config.holidays, adjustedWorkdays: config.adjustedWorkdays };
    }),
});
