// 预约: capacity per item, window, day and slot; one active booking per ID per item; reminders (seed 002 8.2; seed 004 7.2).
export * from './appointment.js';
export * from './messages.js';
export {
  type BookingRequest,
  capacityOf,
  checkBooking,
  checkCancel,
  type DueReminder,
  dueReminders,
  hallSlots,
  isActiveBooking,
  reminderInstant,
  SlotFullError,
  slotCapacities,
  takesPlace,
} from './rules.js';
export * from './service.js';
