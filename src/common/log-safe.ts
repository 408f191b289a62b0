import { ConsoleLogger, LogLevel } from '@nestjs/common';

/**
 * Characters that would let a logged value forge or hide log lines: C0/C1 controls (newlines, escape
 * codes), line and paragraph separators, and the bidirectional overrides that reorder what is shown.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value as it may appear in a log line: one line, every unsafe character escaped (`\n`, `\u001b`). */
export function escapeForLog(text: string): string {
  return text.replace(
    UNSAFE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * What a log may say of something a person typed that could be a secret (a password typed into the
 * username field): its first character and its length, "a******** (9 characters)".
 */
export function maskTypedForLog(text: string): string {
  const chars = Array.from(text);
  const first = chars.length > 0 ? escapeForLog(chars[0]) : '';
  return `${first}${'*'.repeat(Math.min(Math.max(chars.length - 1, 0), 16))} (${chars.length} characters)`;
}

/**
 * The service's logger: Nest's console logger with every message escaped by escapeForLog, so no
 * logged value, whoever supplied it, can start a new line or send escape codes to a terminal.
 */
export class SafeConsoleLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    const resolved = this.resolveMessage(message);
    if (typeof resolved === 'string') {
      return this.colorize(escapeForLog(resolved), logLevel);
    }
    return super.stringifyMessage(resolved, logLevel);
  }

  /** A stack keeps its lines; each is escaped (its first holds the error's message). */
  protected override printStackTrace(stack: string): void {
    super.printStackTrace(stack && stack.split('\n').map(escapeForLog).join('\n'));
  }
}
