import type { ComponentType } from 'react';
import { ChatIcon, SettingsIcon, TicketIcon } from '../common/icons.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';

export type NavItem = {
  /** Its text, read with `t`. */
  label: MessageKey;
  to: string;
  icon: ComponentType<{ size?: number }>;
  /** Whether the item is the current section for a pathname. */
  matches: (pathname: string) => boolean;
};

export const NAV_ITEMS: NavItem[] = [
  {
    label: 'nav.conversations',
    to: '/conversations',
    icon: ChatIcon,
    matches: (p) => p === '/' || p === '/conversations' || p.startsWith('/conversations/'),
  },
  {
    label: 'nav.tickets',
    to: '/tickets',
    icon: TicketIcon,
    matches: (p) => p === '/tickets' || p.startsWith('/tickets/'),
  },
  {
    label: 'nav.settings',
    to: '/settings',
    icon: SettingsIcon,
    matches: (p) => p === '/settings' || p.startsWith('/settings/'),
  },
];
