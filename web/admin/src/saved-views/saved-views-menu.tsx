import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { withQuery } from '../api/client.ts';
import { type SavedViewKind, useSavedViews, type ViewFilters } from '../api/saved-views.ts';
import { BookmarkIcon, CheckIcon } from '../common/icons.tsx';
import { useT } from '../i18n/use-t.ts';
import { ManageViewsModal } from './manage-views-modal.tsx';
import { SaveViewModal } from './save-view-modal.tsx';
import { filtersKey } from './view-filters.ts';

type Props = {
  kind: SavedViewKind;
  /** The list's path: applying a view opens it with the view's filters. */
  path: string;
  /** The list's current filters (what "Save current filters" saves). */
  filters: ViewFilters;
};

/** "Views": the shop's saved filter combinations of this list, to apply, save and manage. */
export function SavedViewsMenu({ kind, path, filters }: Props) {
  const t = useT();
  const views = useSavedViews(kind);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const current = filtersKey(filters);
  const items = views.data ?? [];

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={280}>
        <Menu.Target>
          <Button variant="default" leftSection={<BookmarkIcon size={16} />}>
            {t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('views.title')}</Menu.Label>
          {views.isPending && <Menu.Item disabled>{t('common.loadingMenu')}</Menu.Item>}
          {views.isError && <Menu.Item disabled>{t('views.loadFailed')}</Menu.Item>}
          {views.isSuccess && items.length === 0 && <Menu.Item disabled>{t('views.noneYet')}</Menu.Item>}
          {items.map((view) => {
            const active = filtersKey(view.filters) === current;
            return (
              <Menu.Item
                key={view.id}
                onClick={() => navigate(withQuery(path, view.filters))}
                rightSection={active ? <CheckIcon size={14} /> : undefined}
                aria-current={active ? 'true' : undefined}
              >
                {view.name}
              </Menu.Item>
            );
          })}
          <Menu.Divider />
          <Menu.Item onClick={() => setDialog('save')}>{t('views.saveCurrent')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('manage')} disabled={items.length === 0}>
            {t('views.manage')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal
        kind={kind}
        filters={filters}
        opened={dialog === 'save'}
        onClose={() => setDialog(null)}
      />
      <ManageViewsModal
        kind={kind}
        views={items}
        opened={dialog === 'manage'}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
