/** Chinese first; English on request. Each text is written in place as L('中文', 'English'). */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'lp.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage; the switch still holds for this page.
  }
}

export function L(zh: string, en: string): string {
  return current === 'en' ? en : zh;
}
