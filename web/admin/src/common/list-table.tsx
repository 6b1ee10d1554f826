import { Skeleton, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useRowShortcuts } from '../keyboard/row-focus.ts';
import classes from './list-table.module.css';

export { classes as listTableClasses };

export type Column = { label: string; width?: number | string };

/**
 * A bordered list table with a header row; `busy` while it waits for (or stands in for) new rows. `j`/`k`
 * move the focus through its rows.
 */
export function ListTable({
  label,
  columns,
  minWidth,
  busy,
  leading,
  children,
}: {
  label: string;
  columns: readonly Column[];
  minWidth: number;
  busy?: boolean;
  /** A first header cell before the labelled columns (the select-all box), with its width. */
  leading?: { cell: ReactNode; width: number };
  children: ReactNode;
}) {
  const tableRef = useRowShortcuts();
  return (
    <Table.ScrollContainer minWidth={minWidth} className={classes.frame}>
      <Table
        ref={tableRef}
        layout="fixed"
        verticalSpacing="sm"
        horizontalSpacing="md"
        highlightOnHover
        aria-label={label}
        aria-busy={busy || undefined}
        className={classes.table}
      >
        <Table.Thead>
          <Table.Tr>
            {leading && <Table.Th w={leading.width}>{leading.cell}</Table.Th>}
            {columns.map((c) => (
              <Table.Th key={c.label} w={c.width} scope="col">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows while the first page loads: one skeleton per cell, `badge` cells drawn taller. */
export function SkeletonRows({
  cells,
  rows = 8,
}: {
  cells: ReadonlyArray<{ width: number | string; badge?: boolean }>;
  rows?: number;
}) {
  return (
    <Table.Tbody>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows.
        <Table.Tr key={i}>
          {cells.map((cell, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder cells.
            <Table.Td key={j}>
              <Skeleton
                height={cell.badge ? 20 : 12}
                width={cell.width}
                radius={cell.badge ? 'sm' : undefined}
              />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}
