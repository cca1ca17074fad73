import { Box, Text } from 'ink';
import { Component, type ReactNode } from 'react';
import { kioskTranslator } from '../messages/kiosk-messages.js';
import type { KioskServices } from '../services/kiosk-services.js';

interface Props {
  services: KioskServices;
  locale: 'zh-CN' | 'en';
  children: ReactNode;
}

/**
 * Catches an error thrown while a screen renders (issue 25: no stack trace ever reaches a kiosk screen; Ink's own
 * overview would draw one): logs it with its detail and shows catalogue words instead.
 */
export class ErrorGuard extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.services.log.failure('render', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const t = kioskTranslator(this.props.locale);
    return (
      <Box flexDirection="column" padding={1}>
        <Text bold>{t('app.title')}</Text>
        <Text>{t('failure.outOfService')}</Text>
      </Box>
    );
  }
}
