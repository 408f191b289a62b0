/**
 * What is wrong with each field of a 400 VALIDATION_FAILED, in words: the service's details are
 * `{fields: [{field, problems: ["name must be shorter than or equal to 40 characters", …]}]}` or
 * `{field}` with the problem in the message; each problem is read into "太长了（最多 40 个字）".
 */
import { L } from './i18n';

type Problem = [RegExp, (m: RegExpMatchArray) => string];

const PROBLEMS: Problem[] = [
  [/should not exist/, () => L('不能填写这一项', 'is not accepted here')],
  // Identity document numbers (src/people/id-document.ts), before the generic date and length rules.
  [
    /check digit does not match/,
    () =>
      L(
        '最后一位校验码对不上，可能输错了一位，请对照证件核对',
        'has a check digit that does not match: a digit was mistyped',
      ),
  ],
  [
    /does not hold a real date of birth/,
    () => L('中间的出生日期不对，请对照证件核对', 'holds no real date of birth'),
  ],
  [
    /resident ID number is 18 characters/,
    () =>
      L(
        '要是 18 位（17 位数字和一位数字或 X）',
        'must be 18 characters (17 digits and a digit or X)',
      ),
  ],
  [
    /Travel Permit|passport number is|document number is/,
    () => L('格式不对，请对照证件核对', 'is not in the form of that document'),
  ],
  [
    /(?:shorter than or equal to|at most|1 to|1-) ?(\d+) characters/,
    (m) => L(`太长了（最多 ${m[1]} 个字）`, `is too long (at most ${m[1]} characters)`),
  ],
  [
    /(?:longer than or equal to|at least) (\d+) characters/,
    (m) => L(`太短了（至少 ${m[1]} 个字）`, `is too short (at least ${m[1]} characters)`),
  ],
  [
    /should not be empty|must not be empty|should not be null|must be a non-empty|must name/,
    () => L('必须填写', 'is required'),
  ],
  [/exactly 6 digits/, () => L('要是 6 位数字', 'must be 6 digits')],
  [
    /mainland mobile/,
    () => L('要是 11 位手机号（13 到 19 开头）', 'must be an 11-digit mobile number'),
  ],
  [/one line/, () => L('只能写一行（不能换行）', 'must be on one line')],
  [/whole number|integer number|an integer/, () => L('要填整数', 'must be a whole number')],
  [
    /at most two decimal places|decimal/,
    () => L('要填数字，最多两位小数', 'must be a number with at most two decimals'),
  ],
  [/must be a number|is not a number|number string/, () => L('要填数字', 'must be a number')],
  [/must not be zero/, () => L('不能是 0', 'must not be zero')],
  [
    /must be from (\S+) to (\S+)|must be between (\S+) and (\S+)/,
    (m) => {
      const [lo, hi] = m[1] !== undefined ? [m[1], m[2]] : [m[3], m[4]];
      return L(`超出范围（要在 ${lo} 到 ${hi} 之间）`, `is out of range (${lo} to ${hi})`);
    },
  ],
  [
    /must not be greater than (\S+)|at most (\S+)/,
    (m) => L(`太大了（最多 ${m[1] ?? m[2]}）`, `is too large (at most ${m[1] ?? m[2]})`),
  ],
  [
    /must not be less than (\S+)|greater than zero|must not be negative/,
    (m) =>
      m[1] !== undefined
        ? L(`太小了（至少 ${m[1]}）`, `is too small (at least ${m[1]})`)
        : L('要大于 0', 'must be greater than zero'),
  ],
  [/must be after/, () => L('要晚于开始时间', 'must be after the opening time')],
  [/in the past/, () => L('已经过去了，要选将来的时间', 'is in the past')],
  [
    /date|date-time|valid time|ISO 8601/,
    () => L('日期或时间格式不对', 'is not a valid date or time'),
  ],
  [
    /one of the following values|must be .* or /,
    () => L('不是可以选的值，请从列表里选', 'is not one of the choices'),
  ],
  [/must match|format|not valid|base64/, () => L('格式不对', 'is not in the right format')],
];

/** "太长了（最多 40 个字）" for one English problem; null when it says nothing known. */
export function problemSentence(problem: string): string | null {
  for (const [re, say] of PROBLEMS) {
    const m = problem.match(re);
    if (m) {
      return say(m);
    }
  }
  return null;
}

/**
 * "姓名太长了（最多 40 个字）；电话要是 11 位手机号（13 到 19 开头）。" for the details of a
 * VALIDATION_FAILED, or null when they name no field (the caller keeps its general sentence).
 */
export function validationSentence(
  details: Record<string, unknown>,
  message: string,
  fieldLabel: (field: string) => string,
): string | null {
  const pairs: { field: string; problems: string[] }[] = [];
  if (Array.isArray(details.fields)) {
    for (const f of details.fields as { field?: unknown; problems?: unknown }[]) {
      if (typeof f?.field === 'string') {
        const problems = Array.isArray(f.problems)
          ? f.problems.filter((p): p is string => typeof p === 'string')
          : [];
        pairs.push({ field: f.field, problems });
      }
    }
  }
  if (typeof details.field === 'string') {
    pairs.push({ field: details.field, problems: [message] });
  }
  if (pairs.length === 0) {
    return null;
  }
  const parts: string[] = [];
  for (const { field, problems } of pairs) {
    const label = fieldLabel(field);
    // The first problem a person can act on (class-validator lists every rule the value broke).
    const said = problems.map(problemSentence).find((s) => s !== null);
    const part = `${label}${L('', ' ')}${said ?? L('填写不正确', 'is not valid')}`;
    if (!parts.includes(part)) {
      parts.push(part);
    }
  }
  return L(`请改正：${parts.join('；')}。`, `Please correct: ${parts.join('; ')}.`);
}
