import type { ComponentType } from 'react';
import { ChatIcon, SettingsIcon, TicketIcon } from '../common/icons.tsx';

export type NavItem = {
  label: string;
  to: string;
  icon: ComponentType<{ size?: number }>;
  /** Whether the item is the current section for a pathname. */
  matches: (pathname: string) => boolean;
};

export const NAV_ITEMS: NavItem[] = [
  {
    label: 'Conversations',
    to: '/conversations',
    icon: ChatIcon,
    matches: (p) => p === '/' || p === '/conversations' || p.startsWith('/conversations/'),
  },
  {
    label: 'Tickets',
    to: '/tickets',
    icon: TicketIcon,
    matches: (p) => p === '/tickets' || p.startsWith('/tickets/'),
  },
  {
    label: 'Settings',
    to: '/settings',
    icon: SettingsIcon,
    matches: (p) => p === '/settings' || p.startsWith('/settings/'),
  },
];
