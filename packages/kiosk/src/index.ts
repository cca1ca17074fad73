// @tongban/kiosk: the Ink terminal app for 24-hour self-service zones.
export * from './app/kiosk-app.js';
export * from './app/use-kiosk-state.js';
export * from './config/kiosk-config.js';
export * from './devices/kiosk-devices.js';
export * from './messages/kiosk-messages.js';
export * from './services/kiosk-services.js';
export * from './services/material-check.js';
export * from './start.js';
