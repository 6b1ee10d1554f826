import { Checkbox, Table } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { RowSelection } from './use-row-selection.ts';

const SELECT_COLUMN_WIDTH = 44;

/** The select column's header for `ListTable`'s `leading`: the select-all box. */
export const selectAllColumn = <K extends string | number>(selection: RowSelection<K>, label: string) => ({
  cell: <SelectAllCheckbox selection={selection} label={label} />,
  width: SELECT_COLUMN_WIDTH,
});

/** The select column's header while rows load (nothing to select yet). */
export const SELECT_COLUMN_PLACEHOLDER = { cell: null, width: SELECT_COLUMN_WIDTH };

/** The header's "select every row on this page" box; mixed while only some are selected. */
export function SelectAllCheckbox<K extends string | number>({
  selection,
  label,
}: {
  selection: RowSelection<K>;
  label: string;
}) {
  return (
    <Checkbox
      aria-label={label}
      checked={selection.allSelected}
      indeterminate={selection.someSelected}
      onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
    />
  );
}

/** A row's select box in its own cell; clicking the cell never opens the row. Shift-click selects a range. */
export function SelectRowCell<K extends string | number>({
  selection,
  rowKey,
  label,
}: {
  selection: RowSelection<K>;
  rowKey: K;
  label: string;
}) {
  return (
    <Table.Td data-select-cell onClick={(event) => event.stopPropagation()}>
      <Checkbox
        aria-label={label}
        checked={selection.isSelected(rowKey)}
        onChange={(event: ChangeEvent<HTMLInputElement>) =>
          selection.toggle(rowKey, event.currentTarget.checked, (event.nativeEvent as MouseEvent).shiftKey)
        }
      />
    </Table.Td>
  );
}
