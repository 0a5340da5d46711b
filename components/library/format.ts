const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (time: number) => dateFormat.format(time);
export const formatDateTime = (time: number) => dateTimeFormat.format(time);
export const formatCount = (n: number) => n.toLocaleString('en');

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
