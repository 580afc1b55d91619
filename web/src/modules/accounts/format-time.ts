const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A server timestamp in the person's locale and time zone; "Never" for none. */
export function formatTime(value: string | null | undefined, none = 'Never'): string {
  if (!value) return none;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatter.format(date);
}
