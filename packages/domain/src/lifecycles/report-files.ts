import { err, ok, type Result } from '../common/errors';
import { reportLifecycle, type ReportStatus } from './report';

/** Photos and documents one report may carry in all, at filing and added later by the reporter. */
export const MAX_REPORT_FILES = 20;

/**
 * The reporter may add files to a report by its receipt while it is open (not
 * rejected and not answered), up to MAX_REPORT_FILES in all. Handlers are told
 * of the files; nothing about the report's state changes.
 */
export function checkReporterFiles(input: { readonly status: ReportStatus; readonly filesNow: number; readonly adding: number }): Result<{ readonly total: number }> {
  if (input.adding < 1) return err('REPORT.FILES_REQUIRED', 'Choose at least one file to add', '请至少选择一份要补充的材料');
  if ((reportLifecycle.terminal as readonly string[]).includes(input.status)) {
    return err('REPORT.CLOSED_FOR_FILES', 'This report has been answered or closed; files can no longer be added', '该举报已答复或办结，不能再补充材料', {
      status: input.status,
    });
  }
  const total = input.filesNow + input.adding;
  if (total > MAX_REPORT_FILES) {
    return err('REPORT.TOO_MANY_FILES', `A report can carry at most ${MAX_REPORT_FILES} files (${input.filesNow} already)`, `每条举报最多${MAX_REPORT_FILES}份材料（已有${input.filesNow}份）`, {
      max: MAX_REPORT_FILES,
      filesNow: input.filesNow,
    });
  }
  return ok({ total });
}
