import { useState } from 'react';

/**
 * A settings form's values: the server's values with the user's unsaved edits on top. Keeping only the
 * edits means a refetch (window focus) shows fresh server values in every field the user has not touched.
 */
export function useSettingsForm<T extends object>(serverValues: T) {
  const [edits, setEdits] = useState<Partial<T>>({});
  const values: T = { ...serverValues, ...edits };
  return {
    values,
    /** Changes some fields. */
    set: (patch: Partial<T>) => setEdits((current) => ({ ...current, ...patch })),
    /** Drops every edit: after a save (the server's answer becomes the values) or on "Discard changes". */
    reset: () => setEdits({}),
  };
}
