/**
 * Masking for anything shown to people who may not see the whole value (public notices,
 * volunteers choosing a household). Works on characters, not UTF-16 units, so 张三明 stays 3 long.
 */

/** 张三明 -> 张*明, 张三 -> 张*, 欧阳娜娜 -> 欧**娜, 张 -> *. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) {
    return '*';
  }
  if (chars.length === 2) {
    return `${chars[0]}*`;
  }
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812345678 -> 138****5678; shorter numbers keep at most their last two characters. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length >= 8) {
    return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
  }
  if (chars.length <= 4) {
    return '*'.repeat(chars.length);
  }
  return `${'*'.repeat(chars.length - 2)}${chars.slice(-2).join('')}`;
}
