/** Words shown to people about appointments, [zh-CN, en]; the lead spreads this area into messages/MESSAGES. */
export const appointmentMessages = {
  'appointment.status.booked': ['已预约', 'booked'],
  'appointment.status.cancelled': ['已取消', 'cancelled'],
  'appointment.status.done': ['已办理', 'served'],
  'appointment.status.noShow': ['未到场', 'no-show'],
  'appointment.channel.kiosk': ['自助终端', 'kiosk'],
  'appointment.channel.online': ['网上', 'online'],
  'appointment.channel.mobile': ['移动端', 'mobile'],
  'appointment.channel.phone': ['电话', 'phone'],
  'appointment.channel.window': ['窗口', 'window'],
  'appointment.booked': [
    '预约成功：{item}，{day} {start}-{end}，{window}号窗口。预约号 {number}',
    'Booked: {item}, {day} {start}-{end}, window {window}. Appointment {number}',
  ],
  'appointment.full': [
    '该时段已约满，可选：{alternatives}',
    'This slot is full; places left: {alternatives}',
  ],
  'appointment.reminder': [
    '提醒：您预约了{day} {start}在{window}号窗口办理{item}，请携带所需材料按时到场。',
    'Reminder: {item} at window {window}, {day} {start}. Please bring the required materials.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
