const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID; other ids are simply unknown (404), never a database error. */
export const isUuid = (value: string): boolean => UUID.test(value);
