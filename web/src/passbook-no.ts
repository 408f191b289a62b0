/** Cleans what was typed or scanned into a passbook number: "v7k2 mq9x" -> "V7K2MQ9X". */
export function cleanPassbookNo(text: string): string {
  const upper = text.toUpperCase().replace(/[\s-]/g, '');
  // A scanner may send a whole URL or label; the number is the V/H code of 8 characters in it.
  const found = /[VH][0-9A-Z]{7}/.exec(upper);
  return found ? found[0] : upper;
}
