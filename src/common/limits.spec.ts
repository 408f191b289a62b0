import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEXT_MAX } from './limits';

/** Every .ts/.tsx file under `dir` (recursively), with its text. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(path);
    }
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts')
      ? [{ file: path, text: readFileSync(path, 'utf8') }]
      : [];
  });
}

/** Lines of the files that match `pattern`, as "file:line: text". */
function hits(files: { file: string; text: string }[], pattern: RegExp): string[] {
  return files.flatMap(({ file, text }) =>
    text
      .split('\n')
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ line }) => pattern.test(line))
      .map(({ line, n }) => `${file}:${n}: ${line.trim()}`),
  );
}

describe('text limits (src/common/limits.ts)', () => {
  const dtos = sources('src').filter(({ file }) => /[/\\]dto[/\\]/.test(file));

  it('should be the only numbers the DTOs give string lengths', () => {
    expect(hits(dtos, /@(Max|Min)Length\(\s*\d/)).toEqual([]);
    expect(hits(dtos, /(max|min)Length:\s*\d/)).toEqual([]);
  });

  it('should be the only numbers the pages cap text inputs with (the year boxes hold 4 digits)', () => {
    const pages = sources('web/src');
    // A JSX attribute (`maxLength={…}`) or a field of the shared form (`maxLength: …`, ui/form.tsx).
    const year = /maxLength(=\{4\}|:\s*4\b)/;
    expect(hits(pages, /(maxLength|minLength)(=\{|:)\s*\d/).filter((h) => !year.test(h))).toEqual(
      [],
    );
    // The year boxes: four digits, not a server text limit.
    expect(hits(pages, year).map((h) => h.split(':')[0])).toEqual([
      join('web/src', 'admin', 'ratings.tsx'),
      join('web/src', 'admin', 'report.tsx'),
      join('web/src', 'pages', 'notice.tsx'),
    ]);
  });

  it('should be used by the pages for every kind of field the office types into', () => {
    const used = new Set(
      sources('web/src').flatMap(({ text }) =>
        [...text.matchAll(/TEXT_MAX\.(\w+)/g)].map((m) => m[1]),
      ),
    );
    // Fields no page has (roster cells come in a file; window times from a date picker; the
    // self check-in code comes in the address the volunteer's camera opens; what an objection is
    // about is chosen from the notice's entries; the growth report's months from a month picker).
    const notTyped = [
      'rosterCell',
      'rosterTeams',
      'rosterFile',
      'dateTime',
      'itemCode',
      'checkinCode',
      'objectionAbout',
      'month',
    ];
    expect(Object.keys(TEXT_MAX).filter((k) => !used.has(k) && !notTyped.includes(k))).toEqual([]);
    expect(hits(sources('web/src'), /minLength(=\{|:\s*)PASSWORD_MIN\b/)).toHaveLength(2);
  });
});
