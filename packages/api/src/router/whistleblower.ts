import { z } from 'zod';
import { claimReward } from '../services/claim-reward';
import { clientKeyOf, intakeDeps } from '../services/intake-context';
import { sendReporterMessage } from '../services/reporter-messages';
import { addReporterFiles, addReporterFilesInput } from '../services/reporter-files';
import { submitReport, submitReportInput, whistleblowerIdentitySchema } from '../services/submit-report';
import { trackReport } from '../services/track-report';
import { dbProcedure, publicProcedure, router } from '../trpc';
import { DEFAULT_RETENTION_POLICY } from '@firebreak/domain';
import { sendMessageInput, trackReportInput } from './public/reports';
import { claimRewardInput } from './public/rewards';

/**
 * An employee reporting their own employer. The identity, when given, is
 * sealed like any reporter's; the whistleblower flag keeps the report out of
 * Open311, and the reward uplift and anonymity policy are the kernel's.
 */
export const whistleblowerSubmitInput = submitReportInput.omit({ contact: true }).extend({
  identity: whistleblowerIdentitySchema.optional(),
});

export const whistleblower = router({
  /** What the site promises before anything is typed: how many days material is kept (the retention job uses the same figure). */
  policy: publicProcedure.query(({ ctx }) => ({
    retentionDays: ctx.services?.whistleblowerRetentionDays ?? DEFAULT_RETENTION_POLICY.whistleblowerDays,
  })),

  submit: dbProcedure.input(whistleblowerSubmitInput).mutation(async ({ ctx, input }) => {
    const { identity, ...report } = input;
    const r = await submitReport(intakeDeps(ctx), report, { channel: 'whistleblower', identity: identity ?? null });
    return { receipt: r.receipt, receiptDisplay: r.receiptDisplay, reportId: r.reportId, submittedAt: r.submittedAt, verificationDue: r.verificationDue, urgent: r.urgent };
  }),

  track: dbProcedure.input(trackReportInput).mutation(({ ctx, input }) => trackReport(intakeDeps(ctx), clientKeyOf(ctx), input.receipt)),

  sendMessage: dbProcedure
    .input(sendMessageInput)
    .mutation(({ ctx, input }) => sendReporterMessage(intakeDeps(ctx), clientKeyOf(ctx), input.receipt, input.body)),

  /** Files added after filing, by the receipt: images re-encoded without metadata by POST /uploads. */
  addFiles: dbProcedure.input(addReporterFilesInput).mutation(({ ctx, input }) => addReporterFiles(intakeDeps(ctx), clientKeyOf(ctx), input)),

  claim: dbProcedure.input(claimRewardInput).mutation(({ ctx, input }) => claimReward(intakeDeps(ctx), clientKeyOf(ctx), input)),
});

export type WhistleblowerSubmitInput = z.infer<typeof whistleblowerSubmitInput>;
