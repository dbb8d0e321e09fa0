import { z } from 'zod';
import { addReporterFiles, addReporterFilesInput } from '../../services/reporter-files';
import { clientKeyOf, intakeDeps } from '../../services/intake-context';
import { receiptSchema } from '../../services/receipt-access';
import { sendReporterMessage } from '../../services/reporter-messages';
import { submitReport, submitReportInput } from '../../services/submit-report';
import { trackReport } from '../../services/track-report';
import { requestStatus } from '../../services/request-status';
import { dbProcedure, router } from '../../trpc';

export const trackReportInput = z.object({ receipt: receiptSchema });

export const sendMessageInput = z.object({
  receipt: receiptSchema,
  body: z.string().trim().min(1).max(2_000),
});

/**
 * Receipts travel only in POST bodies: every procedure that takes one is a
 * mutation (tRPC sends queries as GET, with the input in the URL).
 */
export const publicReports = router({
  submit: dbProcedure.input(submitReportInput).mutation(async ({ ctx, input }) => {
    const r = await submitReport(intakeDeps(ctx), input, { channel: 'web' });
    return { receipt: r.receipt, receiptDisplay: r.receiptDisplay, reportId: r.reportId, submittedAt: r.submittedAt, verificationDue: r.verificationDue, urgent: r.urgent };
  }),

  track: dbProcedure.input(trackReportInput).mutation(({ ctx, input }) => trackReport(intakeDeps(ctx), clientKeyOf(ctx), input.receipt)),

  /**
   * Public status by service request id (what Open311 requests/{id} shows): a
   * report filed through Open311 can be followed here without a receipt. The id
   * is not a secret, so this is a query.
   */
  status: dbProcedure
    .input(z.object({ serviceRequestId: z.string().uuid() }))
    .query(({ ctx, input }) => requestStatus(ctx.db, ctx.services, input.serviceRequestId, ctx.locale)),

  sendMessage: dbProcedure
    .input(sendMessageInput)
    .mutation(({ ctx, input }) => sendReporterMessage(intakeDeps(ctx), clientKeyOf(ctx), input.receipt, input.body)),

  /** Photos added after filing, by the receipt (uploaded first through POST /uploads). */
  addFiles: dbProcedure.input(addReporterFilesInput).mutation(({ ctx, input }) => addReporterFiles(intakeDeps(ctx), clientKeyOf(ctx), input)),
});
