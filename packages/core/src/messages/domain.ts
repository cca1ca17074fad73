/**
 * Words for the domain terms of DESIGN.md's glossary, shared by kiosk, receipts, notices and CLI.
 * Each entry is [zh-CN, en]; the zh-CN words are those of the seeds.
 */
export const domainMessages = {
  // 办理模式 (seed 000 4.1, 5.3)
  'mode.online': ['全程网办', 'Fully online'],
  'mode.proxyLocal': ['异地代收-属地办理', 'Remote intake, handled locally'],
  'mode.proxyRemote': ['异地代收-异地办理', 'Remote intake, handled remotely'],
  'mode.window': ['窗口办', 'At the window'],

  // 即办件 / 承诺件 / 联办件 (seed 001 4.2.2)
  'caseKind.immediate': ['即办件', 'Immediate case'],
  'caseKind.promised': ['承诺件', 'Promised case'],
  'caseKind.joint': ['联办件', 'Joint case'],

  // 事项类型 (seed 004 4)
  'itemType.licensing': ['行政许可', 'Administrative licensing'],
  'itemType.confirmation': ['行政确认', 'Administrative confirmation'],
  'itemType.levy': ['行政征收', 'Administrative levy'],
  'itemType.payment': ['行政给付', 'Administrative payment'],
  'itemType.award': ['行政奖励', 'Administrative award'],
  'itemType.filing': ['备案', 'Filing'],
  'itemType.ruling': ['行政裁决', 'Administrative ruling'],
  'itemType.other-power': ['其他行政权力', 'Other administrative power'],
  'itemType.public-service': ['公共服务', 'Public service'],

  // 层级
  'level.province': ['省级', 'Province'],
  'level.city': ['市级', 'City'],
  'level.county': ['县级', 'County'],
  'level.township': ['乡镇（街道）', 'Township'],
  'level.village': ['村（社区）', 'Village'],

  // 服务对象 (seed 000 4.3)
  'audience.person': ['自然人', 'Individuals'],
  'audience.organisation': ['法人和其他组织', 'Organisations'],

  // 单位 (seed 000 tables 1-3)
  'unit.remoteWindow': ['异地综合窗口', 'Remote comprehensive window'],
  'unit.localWindow': ['属地综合窗口', 'Local comprehensive window'],
  'unit.localDepartment': ['属地政务服务审批部门', 'Local approving department'],
  'unit.remoteDepartment': ['异地被授权部门', 'Authorised remote department'],
  'unit.window': ['综合窗口', 'Comprehensive window'],
  'unit.department': ['审批部门', 'Approving department'],
  'unit.applicant': ['申请人', 'Applicant'],
  'unit.system': ['系统', 'System'],

  // 送达方式 (seed 000 5.4)
  'delivery.pickup': ['自取', 'Pick up in person'],
  'delivery.post': ['政务快递', 'Government courier'],
  'delivery.electronic': ['电子送达', 'Electronic delivery'],
  'delivery.sms': ['短信告知', 'Text message'],

  // 材料流转方式 (seed 000 table 2 row 1 c)
  'transfer.push': ['系统推送', 'System push'],
  'transfer.post': ['邮寄', 'Post'],

  // 特别程序 (seed 004 8.2.6, 8.4.3; seed 001 appendix B)
  'specialProcedure.hearing': ['听证', 'hearing'],
  'specialProcedure.tender': ['招标', 'tender'],
  'specialProcedure.auction': ['拍卖', 'auction'],
  'specialProcedure.inspection': ['检验、检测', 'inspection and testing'],
  'specialProcedure.quarantine': ['检疫', 'quarantine'],
  'specialProcedure.appraisal': ['鉴定', 'appraisal'],
  'specialProcedure.expertReview': ['专家评审', 'expert review'],

  // 申请材料 (seed 004 6.5; seed 002 3.5)
  'material.key': ['主要材料', 'Key material'],
  'material.secondary': ['次要材料', 'Secondary material'],
  'material.tolerable': ['可容缺', 'May be handed in later'],
  'material.original': ['原件', 'Original'],
  'material.copy': ['复印件', 'Copy'],
  'material.eLicence': ['电子证照', 'Electronic licence'],

  // 办件状态 (CASE_STATES of cases/case.ts)
  'state.submitted': ['已提交', 'Submitted'],
  'state.proxyReceived': ['已代收', 'Received on your behalf'],
  'state.inTransit': ['材料流转中', 'Materials in transit'],
  'state.awaitingAcceptance': ['待受理', 'Awaiting acceptance'],
  'state.supplementRequested': ['待补正', 'Awaiting supplement'],
  'state.accepted': ['已受理', 'Accepted'],
  'state.specialProcedure': ['特别程序中', 'In a special procedure'],
  'state.approved': ['审批通过', 'Approved'],
  'state.denied': ['不予通过', 'Denied'],
  'state.resultForwarded': ['结果已转异地窗口', 'Result sent to the remote window'],
  'state.delivered': ['已送达', 'Delivered'],
  'state.archiving': ['归档中', 'Being archived'],
  'state.archived': ['已归档', 'Archived'],
  'state.proxyRefused': ['不予代收', 'Not received'],
  'state.refused': ['不予受理', 'Not accepted'],
  'state.withdrawn': ['已撤回', 'Withdrawn'],
  'state.terminated': ['已终止', 'Terminated'],

  // 通知书 / 凭证 (DESIGN glossary `Notice`)
  'noticeType.proxyReceipt': ['代收凭证', 'Proxy receipt'],
  'noticeType.proxyRefusal': ['不予代收凭证', 'Proxy refusal'],
  'noticeType.acceptance': ['收件（受理）通知书', 'Acceptance notice'],
  'noticeType.nonAcceptance': ['不予受理通知书', 'Non-acceptance notice'],
  'noticeType.supplement': ['补齐补正通知书', 'Supplement notice'],
  'noticeType.approval': ['办结通知书', 'Approval notice'],
  'noticeType.denial': ['不予通过通知书', 'Denial notice'],

  // common words
  'common.none': ['无', 'none'],
  'common.yes': ['是', 'yes'],
  'common.no': ['否', 'no'],
  'common.workingDays': ['{days}个工作日', '{days} working days'],
  'common.days': ['{days}日', '{days} days'],
  'common.months': ['{months}个月', '{months} months'],
  'common.applicationNo': ['申请编号', 'Application no.'],
  'common.copies': ['一式{copies}份', '{copies} copies'],
} as const;
