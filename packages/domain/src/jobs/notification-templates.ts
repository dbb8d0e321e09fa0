/**
 * What each notification says, per event, in zh-CN and en. A message names the matter by its
 * kind and short reference only: no reporter identity, no receipt, no address ever goes into a
 * template (a reporter's message reaches them by receipt; SMS and email carry a pointer to the
 * tracking page, never the case's content beyond its status).
 */
export const NOTIFICATION_LOCALES = ['zh-CN', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

export interface NotificationTemplate {
  readonly subject: Readonly<Record<NotificationLocale, string>>;
  readonly body: Readonly<Record<NotificationLocale, string>>;
}

const t = (zhSubject: string, enSubject: string, zhBody: string, enBody: string): NotificationTemplate => ({
  subject: { 'zh-CN': zhSubject, en: enSubject },
  body: { 'zh-CN': zhBody, en: enBody },
});

/** Every event the lifecycles and the jobs notify, by template name. `{ref}`, `{due}`, `{kind}`, `{basis}` are filled in. */
export const NOTIFICATION_TEMPLATES: Readonly<Record<string, NotificationTemplate>> = {
  // Reports (举报)
  'report.submitted': t('新的群众举报', 'New public report', '收到一条新的举报（{ref}），请在核查期限内受理核查。', 'A new report ({ref}) arrived; accept and verify it within the time limit.'),
  'report.submitted_urgent': t('紧急举报：24小时内核查', 'Urgent report: verify within 24 h', '收到一条涉及疏散通道或消防设施的举报（{ref}），须在24小时内核查。', 'A report about exits or fire facilities ({ref}) must be verified within 24 hours.'),
  'report.accepted': t('您的举报已受理', 'Your report was accepted', '您的举报已受理，可凭回执查询办理进度。', 'Your report was accepted; track it with your receipt.'),
  'report.rejected': t('您的举报未予受理', 'Your report was not accepted', '您的举报未予受理，可凭回执查看原因。', 'Your report was not accepted; see why with your receipt.'),
  'report.assigned': t('举报核查任务', 'Report to verify', '您被指派核查举报（{ref}）。', 'You were assigned to verify report {ref}.'),
  'report.message_received': t('举报人来信', 'Message from the reporter', '举报人就举报（{ref}）发来新消息，请在案件页查看并回复。', 'The reporter sent a message about report {ref}; read and answer it on the case page.'),
  'report.files_added': t('举报人补充了照片', 'Reporter added photos', '举报人为举报（{ref}）补充了 {count} 份材料，请在案件页查看。', 'The reporter added {count} file(s) to report {ref}; see them on the case page.'),
  'report.message': t('承办人给您留言', 'A message from the handler', '承办人就您的举报发来新消息，请凭回执查看并回复。', 'The handler sent you a message about your report; read and answer it with your receipt.'),
  'report.replied': t('您的举报已答复', 'Your report has a reply', '您的举报已办理完毕并答复，请凭回执查看。', 'Your report was handled and answered; read the reply with your receipt.'),
  // Hazards (隐患)
  'hazard.found': t('新登记隐患', 'Hazard registered', '辖区内登记了一处新隐患（{ref}），请确认。', 'A new hazard ({ref}) was registered in your area; confirm it.'),
  'hazard.ordered': t('责令限期改正', 'Correction ordered', '贵单位存在的火灾隐患（{ref}）已被责令改正，请在期限内整改并提交整改材料。', 'Your venue was ordered to correct hazard {ref}; correct it and submit evidence before the deadline.'),
  'hazard.notice_served': t('整改通知书已送达', 'Notice served', '隐患（{ref}）的责令改正通知书已送达。', 'The correction notice for hazard {ref} was served.'),
  'hazard.remediation_submitted': t('整改材料待复查', 'Remediation to re-inspect', '隐患（{ref}）已提交整改材料，请在期限内复查。', 'Remediation evidence for hazard {ref} was submitted; re-inspect it in time.'),
  'hazard.overdue': t('隐患逾期未改：督办', 'Overdue hazard escalated', '隐患（{ref}）整改期限已届满仍未整改，已升级督办，请处理。', 'Hazard {ref} passed its correction deadline without remediation and was escalated to you.'),
  'hazard.verified': t('隐患复查合格待销号', 'Hazard passed re-inspection', '隐患（{ref}）复查合格，请办理销号。', 'Hazard {ref} passed re-inspection; close it.'),
  'hazard.reinspection_failed': t('复查不合格，重新限期整改', 'Re-inspection failed', '隐患（{ref}）复查不合格，请在新的期限内整改。', 'Hazard {ref} failed re-inspection; correct it by the new deadline.'),
  'hazard.closed': t('隐患已销号', 'Hazard closed', '隐患（{ref}）已销号。', 'Hazard {ref} was closed.'),
  'hazard.major': t('重大火灾隐患', 'Major fire hazard', '隐患（{ref}）经集体讨论判定为重大火灾隐患。', 'Hazard {ref} was determined a major fire hazard.'),
  // Inspections (检查)
  'inspection.assigned': t('检查任务', 'Inspection assigned', '您有一项检查任务（{ref}）。', 'You were assigned inspection {ref}.'),
  'inspection.completed': t('检查已完成', 'Inspection completed', '检查（{ref}）已完成。', 'Inspection {ref} was completed.'),
  'inspection.unit_refused': t('单位拒绝签字确认', 'Unit refused to sign', '检查（{ref}）的单位拒绝签字确认。', 'The unit refused to sign inspection {ref}.'),
  // Enforcement (执法)
  'enforcement.proposed': t('执法建议待审批', 'Enforcement to decide', '有一项执法建议（{ref}）待审批。', 'Enforcement proposal {ref} awaits your decision.'),
  'enforcement.decided': t('执法决定', 'Enforcement decided', '执法决定（{ref}）已作出。', 'Enforcement {ref} was decided.'),
  'enforcement.executed': t('执法决定已执行', 'Enforcement executed', '执法决定（{ref}）已执行。', 'Enforcement {ref} was executed.'),
  'enforcement.detention_referral': t('移送行政拘留', 'Detention referral', '有一项移送行政拘留的案件（{ref}）。', 'A detention referral ({ref}) was sent.'),
  // Referrals (抄告/移送)
  'referral.sent.notice': t('抄告函', 'Notice from another department', '收到一份抄告（{ref}），请签收。', 'A notice ({ref}) was sent to your department; acknowledge it.'),
  'referral.sent.transfer': t('移送案件', 'Case transferred', '收到一件移送案件（{ref}），请签收办理。', 'A case ({ref}) was transferred to your department; acknowledge and handle it.'),
  'referral.sent.police_transfer': t('派出所移交', 'Police station transfer', '收到派出所移交的未依法审批场所（{ref}），请签收。', 'A police station transferred an unapproved venue ({ref}); acknowledge it.'),
  'referral.sent.detention': t('移送行政拘留', 'Detention referral', '收到移送行政拘留的案件（{ref}），请签收。', 'A detention referral ({ref}) was sent to you; acknowledge it.'),
  'referral.sent.license_revocation': t('提请吊销许可', 'Licence revocation request', '收到提请吊销许可的函（{ref}），请签收。', 'A licence revocation request ({ref}) was sent to you; acknowledge it.'),
  'referral.sent.criminal': t('涉嫌犯罪移送', 'Criminal referral', '收到涉嫌犯罪移送的案件（{ref}），请签收。', 'A criminal referral ({ref}) was sent to you; acknowledge it.'),
  'referral.acknowledged': t('移送事项已签收', 'Referral acknowledged', '移送事项（{ref}）已被接收部门签收。', 'Referral {ref} was acknowledged by the receiving department.'),
  'referral.returned': t('移送事项被退回', 'Referral returned', '移送事项（{ref}）被接收部门退回，请查看退回理由。', 'Referral {ref} was returned by the receiving department; see the reason.'),
  'referral.replied': t('移送案件已回复', 'Referral answered', '移送事项（{ref}）已回复。', 'Referral {ref} was answered.'),
  // Listed supervision (挂牌督办)
  'listing.proposed': t('提请挂牌督办', 'Listing proposed', '有一处重大火灾隐患提请挂牌督办（{ref}）。', 'Listed supervision was proposed for {ref}.'),
  'listing.listed': t('挂牌督办', 'Listed for supervision', '重大火灾隐患（{ref}）已挂牌督办，请按期整改。', '{ref} is under listed supervision; rectify it by the deadline.'),
  'listing.declined': t('未予挂牌', 'Listing declined', '挂牌督办提请（{ref}）未予批准。', 'The listing proposal {ref} was declined.'),
  'listing.acceptance_requested': t('申请摘牌验收', 'Acceptance requested', '挂牌督办事项（{ref}）申请现场验收。', 'On-site acceptance was requested for {ref}.'),
  'listing.acceptance_failed': t('验收不合格', 'Acceptance failed', '挂牌督办事项（{ref}）现场验收不合格，请继续整改。', '{ref} failed on-site acceptance; continue rectifying.'),
  'listing.delisted': t('摘牌销案', 'De-listed', '挂牌督办事项（{ref}）已摘牌销案。', '{ref} was de-listed.'),
  'listing.progress_reported': t('挂牌督办整改进展', 'Rectification progress', '挂牌督办事项（{ref}）报送了整改进展。', 'Progress was reported on {ref}.'),
  // Rewards and claims (奖励)
  'reward.candidate': t('奖励待认定', 'Reward to assess', '举报（{ref}）可能符合奖励条件，请认定。', 'Report {ref} may qualify for a reward; assess it.'),
  'reward.ineligible': t('举报不予奖励', 'No reward', '您的举报经认定不符合奖励条件，可凭回执查看。', 'Your report does not qualify for a reward; see why with your receipt.'),
  'reward.notified': t('您有一笔举报奖励', 'You have a reward', '您的举报获得奖励，请在 {due} 前凭回执申领。', 'Your report earned a reward; claim it with your receipt before {due}.'),
  'reward.paid': t('奖励已发放', 'Reward paid', '您的举报奖励已发放。', 'Your reward was paid.'),
  'reward.withheld': t('奖励不予发放', 'Reward withheld', '您的举报奖励不予发放，可凭回执查看原因。', 'Your reward was withheld; see why with your receipt.'),
  'claim.submitted': t('领奖申请待办', 'Claim to handle', '收到一份领奖申请（{ref}）。', 'A reward claim ({ref}) was submitted.'),
  'claim.accepted': t('领奖申请已受理', 'Claim accepted', '您的领奖申请已受理。', 'Your reward claim was accepted.'),
  'claim.paid': t('奖金已发放', 'Reward paid', '您的奖金已发放。', 'Your reward was paid.'),
  'claim.rejected': t('领奖申请被驳回', 'Claim rejected', '您的领奖申请被驳回，可凭回执查看原因。', 'Your claim was rejected; see why with your receipt.'),
  // Identity disclosure (身份披露)
  'disclosure.requested': t('身份披露申请待审批', 'Disclosure to decide', '有一项举报人身份披露申请（{ref}）待您审批。', 'An identity disclosure request ({ref}) awaits your decision.'),
  'disclosure.approved': t('身份披露申请已批准', 'Disclosure approved', '您的身份披露申请（{ref}）已批准。', 'Your disclosure request {ref} was approved.'),
  'disclosure.denied': t('身份披露申请未批准', 'Disclosure denied', '您的身份披露申请（{ref}）未获批准。', 'Your disclosure request {ref} was denied.'),
  // Campaign tasks (专项行动)
  'campaign_task.assigned': t('专项行动任务', 'Campaign task', '您的部门有一项专项行动任务（{ref}）。', 'Your department has campaign task {ref}.'),
  'campaign_task.supporting': t('专项行动配合任务', 'Supporting task', '您的部门需配合专项行动任务（{ref}）。', 'Your department supports campaign task {ref}.'),
  'campaign_task.reported': t('任务进展已报送', 'Task progress reported', '专项行动任务（{ref}）已报送进展。', 'Progress on campaign task {ref} was reported.'),
  'campaign_task.completed': t('专项行动任务已验收', 'Campaign task accepted', '专项行动任务（{ref}）已验收完成。', 'Campaign task {ref} was accepted as done.'),
  'campaign_task.sent_back': t('专项行动任务被退回', 'Campaign task sent back', '专项行动任务（{ref}）未通过验收，已退回，请按意见继续办理。', 'Campaign task {ref} was sent back; continue as the reviewer asked.'),
  'campaign_task.overdue': t('专项行动任务逾期', 'Campaign task overdue', '专项行动任务（{ref}）已逾期。', 'Campaign task {ref} is overdue.'),
  // The deadline job (期限监控)
  'deadline.overdue': t('办理期限已届满', 'Time limit passed', '事项（{ref}）的办理期限（{kind}，依据：{basis}）已于 {due} 届满，已升级至您处督办。', 'The time limit {kind} of {ref} ({basis}) passed at {due}; it was escalated to you.'),
  'deadline.limit_exceeded': t('超过法定期限', 'Legal limit exceeded', '事项（{ref}）已超过法定期限（{kind}，依据：{basis}，{due}），请立即处理。', '{ref} exceeded its legal limit {kind} ({basis}, {due}); act now.'),
};

export interface RenderedNotification {
  readonly subject: string;
  readonly body: string;
}

const FALLBACK = t('待办事项更新', 'Update on your work', '事项（{ref}）有更新：{template}。', '{ref} has an update: {template}.');

/** Fills a template; an unknown event still says something (and the templates test keeps that from happening). */
export function renderNotification(
  template: string,
  locale: NotificationLocale,
  values: Readonly<Record<string, unknown>>,
): RenderedNotification {
  const tpl = NOTIFICATION_TEMPLATES[template] ?? FALLBACK;
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => {
      if (key === 'template') return template;
      const v = values[key];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    });
  return { subject: fill(tpl.subject[locale]), body: fill(tpl.body[locale]) };
}

/** The short reference shown in a message: the first 8 characters of an id (never a receipt). */
export const shortRef = (id: string): string => id.replace(/-/g, '').slice(0, 8).toUpperCase();
