/**
 * Words of the notices (通知书 / 凭证). Each entry is [zh-CN, en]. Placeholders `{name}` appear in the same order in
 * both locales, so a notice lists its filled-in fields in the same order whatever its language (tested).
 * The zh-CN wording of the acceptance and supplement notices is that of seed 001 appendices B and C.
 */
export const noticeMessages = {
  // ---- shared parts of every notice ----
  'notice.salutation': ['{applicant}：', 'To {applicant}:'],
  'notice.closing': ['特此告知', 'Notice is hereby given.'],
  'notice.labelSeparator': ['：', ': '],
  'notice.label.applicationNo': ['申请编号', 'Application no.'],
  'notice.label.handler': ['经办人', 'Handled by'],
  'notice.label.enquiryPhone': ['联系电话', 'Enquiries'],
  'notice.label.complaintPhone': ['监督投诉电话', 'Supervision and complaints'],
  'notice.label.applicantSignature': ['申请人（签字）', "Applicant's signature"],
  'notice.label.signatureDate': ['签字日期', 'Date signed'],
  'notice.label.basis': ['依据', 'Legal basis'],
  'notice.blankDate': ['    年  月  日', '____-__-__'],
  'notice.seal.window': ['承办窗口（章）', 'Issuing window (seal)'],
  'notice.seal.department': ['承办部门（章）', 'Issuing department (seal)'],
  'notice.seal.proxyWindow': ['代收窗口（章）', 'Receiving window (seal)'],
  'notice.qr.caption': [
    '扫码查询办理进度（申请编号：{applicationNo}）',
    'Scan to check progress (application no. {applicationNo})',
  ],
  'notice.copies': [
    '第一联申请人留存，第二联窗口存档。',
    'Part one is kept by the applicant, part two is filed at the window.',
  ],
  'notice.notePrefix': ['注：', 'Note: '],
  'notice.stub.label': ['第二联　窗口存档', 'Part two: filed at the window'],
  'notice.listSeparator': ['、', ', '],
  'notice.reasonsIntroOnce': ['（一次性告知）', ' (all reasons at once)'],
  /** Rights to administrative review and litigation (seed 004 8.5.5). */
  'notice.rights': [
    '如不服本决定，可以自收到本通知书之日起{reviewDays}日内向{reviewBody}申请行政复议，或者自收到本通知书之日起{litigationMonths}个月内向{court}提起行政诉讼。',
    'If you disagree with this decision you may, within {reviewDays} days of receiving this notice, apply to {reviewBody} for administrative review, or, within {litigationMonths} months of receiving it, bring an administrative lawsuit before {court}.',
  ],

  // ---- 代收凭证 (seed 000 table 2 row 1 a 1, b, c; table 3 row 1 a 1, b) ----
  'notice.proxyReceipt.body': [
    '本窗口已代收您申请办理的{item}事项的申请材料计{materialCount}项，经核验，资料齐全、材料一致，现予代收。',
    'This window has received on your behalf, for the item {item}, {materialCount} application materials; they are complete and consistent and are hereby received.',
  ],
  'notice.proxyReceipt.handling': [
    '本事项按“{mode}”方式办理，由{handlingUnit}受理并作出决定，受理结果以其出具的受理通知书为准。',
    'The item is handled as "{mode}" by {handlingUnit}, which decides on acceptance and issues the acceptance notice.',
  ],
  'notice.proxyReceipt.materialsIntro': ['代收材料如下：', 'Materials received:'],
  'notice.proxyReceipt.transferValue': [
    '{transferMethod}，{transferDays}内流转至{transferTo}',
    '{transferMethod}, within {transferDays}, to {transferTo}',
  ],
  'notice.proxyReceipt.note': [
    '本凭证仅作为代收申请材料的证明，不作为受理凭证。',
    'This receipt only proves that the materials were received on your behalf; it is not an acceptance.',
  ],
  'notice.label.delivery': ['结果送达方式', 'Result delivered by'],
  'notice.label.deliverAt': ['结果颁发窗口', 'Result handed over at'],
  'notice.label.transfer': ['材料流转', 'Materials forwarded'],
  'notice.column.no': ['序号', 'No.'],
  'notice.column.material': ['材料名称', 'Material'],
  'notice.column.form': ['材料形式', 'Form'],
  'notice.column.copies': ['份数', 'Copies'],
  'notice.column.reason': ['需补正的原因', 'What to mend'],

  // ---- 不予代收凭证 (seed 000 table 2 row 1 a 2; table 3 row 1 a 2) ----
  'notice.proxyRefusal.body': [
    '您申请办理的{item}事项所送的申请材料，经本窗口核验，不符合代收要求，现不予代收。不予代收的原因如下（一次性告知）：',
    'The materials you handed in for the item {item} do not meet the requirements for intake on behalf and are not received. All the reasons:',
  ],
  'notice.proxyRefusal.advice': [
    '请您按上述原因备齐材料后再来办理。',
    'Please prepare the materials as the reasons above say and come again.',
  ],

  // ---- 收件（受理）通知书 (seed 001 appendix B; seed 004 8.2.2, 8.2.6; seed 002 9.3.4) ----
  'notice.acceptance.stubTitle': ['收件（受理）通知书存根', 'Acceptance notice (stub)'],
  'notice.acceptance.body': [
    '本窗口收到您申请办理的{item}事项所送的申请材料计{materialCount}项，经审查，申请材料齐全，符合法定形式，现予收件（受理），将在{promisedDays}个工作日内给予办结。',
    'This window has received, for the item {item}, {materialCount} application materials. On examination they are complete and in the legal form, and the application is hereby accepted; it will be completed within {promisedDays} working days.',
  ],
  'notice.acceptance.bodySameDay': [
    '本窗口收到您申请办理的{item}事项所送的申请材料计{materialCount}项，经审查，申请材料齐全，符合法定形式，现予收件（受理），将于{promisedDays}给予办结。',
    'This window has received, for the item {item}, {materialCount} application materials. On examination they are complete and in the legal form, and the application is hereby accepted; it will be completed {promisedDays}.',
  ],
  'notice.acceptance.sameDay': ['当日', 'the same day'],
  'notice.acceptance.procedures': [
    '其中，该事项办理过程中涉及的以下程序：{specialProcedures}，不计入承诺时限。',
    'Of this, the following procedures involved in handling the item do not count towards the promised time limit: {specialProcedures}.',
  ],
  'notice.acceptance.procedureWithDays': [
    '{procedure}（约{days}个工作日）',
    '{procedure} (about {days} working days)',
  ],
  'notice.acceptance.note1': [
    '1.本通知书仅作为收件（受理）证明，与审批结果无必然联系。',
    '1. This notice only proves acceptance; it says nothing about the decision.',
  ],
  'notice.acceptance.note2': [
    '2.第一联申请人留存，第二联窗口存档。',
    '2. Part one is kept by the applicant, part two is filed at the window.',
  ],
  // the acceptance slip of seed 004 8.2.2
  'notice.label.itemName': ['事项名称', 'Item'],
  'notice.label.acceptanceNo': ['受理号', 'Acceptance no.'],
  'notice.label.applicant': ['申请人', 'Applicant'],
  'notice.label.applicantPhone': ['联系电话', 'Phone'],
  'notice.label.acceptedAt': ['受理时间', 'Accepted at'],
  'notice.label.promisedLimit': ['承诺办结时限', 'Promised time limit'],
  'notice.label.intermediaryServices': ['中介服务事项名称', 'Intermediary services'],
  'notice.acceptance.promisedLimitValue': [
    '{days}个工作日（{dueDate}前办结）',
    '{days} working days (by {dueDate})',
  ],
  // a due date counted on a year without its State Council notice (预计, issue 15)
  'notice.acceptance.promisedLimitProvisional': [
    '{days}个工作日（预计{dueDate}前办结，以法定假日安排为准）',
    '{days} working days (expected by {dueDate}, subject to the official holiday arrangement)',
  ],
  // 容缺受理 (seed 002 3.5, 9.3.6; seed 004 6.5, 8.2.4): materials, deadline and what happens when it passes
  'notice.acceptance.tolerance': [
    '本事项按容缺受理办理，您已书面承诺补正，尚需补正以下材料：',
    'The application is accepted with materials to follow, as you pledged in writing; still to hand in:',
  ],
  'notice.label.toleranceDeadline': ['补正时限', 'Hand in by'],
  'notice.label.overdueHandling': ['超期处理办法', 'If late'],
  'notice.acceptance.toleranceConsequence': [
    '逾期未补正的，终止办理。',
    'If they are not handed in by then, the case is terminated.',
  ],

  // ---- 补齐补正通知书 (seed 001 appendix C, 6.1.3; seed 000 tables 1-3 row 3 a 1) ----
  'notice.supplement.stubTitle': ['补齐补正通知书存根', 'Supplement notice (stub)'],
  'notice.supplement.body': [
    '本窗口收到您申请办理的{item}事项所送的有关材料后，依法进行了审查，因您所送的材料{problem}，暂时不能收件（受理）。请您补充齐全或修改下列材料后前来办理。',
    'This window has examined, as the law requires, the materials you handed in for the item {item}. Because they are {problem}, the application cannot be accepted yet. Please complete or correct the materials below and come again.',
  ],
  'notice.supplement.bodyReview': [
    '您申请办理的{item}事项已受理，经审查，因所送的材料{problem}，需要补齐补正。请您补充齐全或修改下列材料，补正期间不计入承诺时限。',
    'Your application for the item {item} has been accepted; on review, because the materials are {problem}, they must be completed or corrected. Please complete or correct the materials below; the time this takes does not count towards the promised time limit.',
  ],
  'notice.supplement.problem.unspecified': [
    '不齐全（或不符合法定形式）',
    'incomplete (or not in the legal form)',
  ],
  'notice.supplement.problem.missing': ['不齐全', 'incomplete'],
  'notice.supplement.problem.defective': ['不符合法定形式', 'not in the legal form'],
  'notice.supplement.problem.both': [
    '不齐全且部分不符合法定形式',
    'incomplete and partly not in the legal form',
  ],
  'notice.supplement.toleranceReason': [
    '容缺受理，按承诺补交',
    'owed after acceptance with materials to follow',
  ],
  'notice.supplement.listIntro': ['需补交或修改的材料如下：', 'Materials to hand in or correct:'],
  'notice.supplement.return': [
    '请您将上述材料尽快补齐补正后送本窗口。',
    'Please bring the completed and corrected materials to this window as soon as you can.',
  ],
  'notice.label.supplementDeadline': ['补正时限', 'Deadline'],
  'notice.supplement.deadlineValue': ['{dueDate}前', 'by {dueDate}'],

  // ---- 不予受理通知书 (seed 000 tables 1-3 row 2 a 2; seed 002 9.3.3) ----
  'notice.nonAcceptance.body': [
    '您申请办理的{item}事项，经审查，不符合受理条件，决定不予受理。理由如下（一次性告知）：',
    'Your application for the item {item} does not meet the conditions for acceptance and is not accepted. All the reasons:',
  ],

  // ---- 办结通知书 (seed 000 tables 1-3 row 3 a 2; seed 004 8.5.3) ----
  'notice.approval.body': [
    '您申请办理的{item}事项，经审查，符合法定条件，已于{decidedAt}作出准予办理的决定，现予办结。',
    'Your application for the item {item} meets the legal conditions; the decision to grant it was made on {decidedAt} and the case is completed.',
  ],
  'notice.label.result': ['办理结果', 'Result'],
  'notice.approval.defaultResult': ['准予办理', 'Granted'],
  'notice.label.resultNo': ['证照（批文）编号', 'Licence or document no.'],
  'notice.label.deliveryDetail': ['领取地点或送达地址', 'Where to collect or delivery address'],

  // ---- 不予通过通知书 (seed 000 tables 1-3 row 3 a 3; seed 004 8.5.5) ----
  'notice.denial.body': [
    '您申请办理的{item}事项，经审查，不符合法定条件，已于{decidedAt}作出不予批准的决定。理由如下：',
    'Your application for the item {item} does not meet the legal conditions; the decision not to grant it was made on {decidedAt}. The reasons:',
  ],
} as const;
