/** Words shown to people about ratings, [zh-CN, en]; the lead spreads this area into messages/MESSAGES. */
export const ratingMessages = {
  'rating.level.5': ['非常满意', 'very satisfied'],
  'rating.level.4': ['满意', 'satisfied'],
  'rating.level.3': ['基本满意', 'fairly satisfied'],
  'rating.level.2': ['不满意', 'dissatisfied'],
  'rating.level.1': ['非常不满意', 'very dissatisfied'],
  'rating.rectification.open': ['差评整改中', 'being rectified'],
  'rating.rectification.rectified': ['已整改', 'rectified'],
  'rating.rectification.explained': ['已解释说明', 'explained'],
  'rating.rectification.answered': ['已回复申请人', 'applicant answered'],
  'rating.thanks': ['感谢您的评价！', 'Thank you for your rating!'],
  'rating.bad.followUp': ['我们将在 {due} 前整改并回复您。', 'We will rectify and answer you by {due}.'],
} as const satisfies Record<string, readonly [string, string]>;
