import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { DomainError, ErrorCode, REASONS, ReasonedCode } from './errors';

const reasonedCodes = Object.keys(REASONS) as ReasonedCode[];

/** Every `new DomainError(ErrorCode.X, …)` in src/, with the reason it names (if it names one). */
function throwSites(): { site: string; code: string; reason: string | null }[] {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => join('src', f));
  const sites: { site: string; code: string; reason: string | null }[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    const visit = (node: ts.Node): void => {
      if (
        ts.isNewExpression(node) &&
        node.expression.getText(source) === 'DomainError' &&
        node.arguments?.[0] &&
        ts.isPropertyAccessExpression(node.arguments[0]) &&
        node.arguments[0].expression.getText(source) === 'ErrorCode'
      ) {
        const details = node.arguments[2];
        const reason =
          details && ts.isObjectLiteralExpression(details)
            ? details.properties.find((p) => p.name?.getText(source) === 'reason')
            : undefined;
        sites.push({
          site: `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`,
          code: node.arguments[0].name.getText(source),
          reason: reason ? reason.getText(source) : null,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** Type errors of a snippet that imports errors.ts (nothing else is compiled). */
function typeErrorsOf(snippet: string): string[] {
  const probe = resolve('src/common/reason-probe.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (resolve(f) === probe ? snippet : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => resolve(f) === probe || exists(f);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang) =>
    resolve(f) === probe ? ts.createSourceFile(f, snippet, lang) : getSource(f, lang);
  const program = ts.createProgram([probe], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('error reasons', () => {
  it('should name a reason from the table at every throw site of a code with several meanings', () => {
    const sites = throwSites().filter((s) => reasonedCodes.includes(s.code as ReasonedCode));
    expect(sites.length).toBeGreaterThanOrEqual(40);
    const unnamed = sites.filter((s) => s.reason === null).map((s) => `${s.site} ${s.code}`);
    expect(unnamed).toEqual([]);
  });

  it('should have every reason of the table thrown somewhere in src/', () => {
    const named = throwSites()
      .map((s) => s.reason ?? '')
      .join('\n');
    const filter = readFileSync('src/common/http-exception.filter.ts', 'utf8');
    const unused = reasonedCodes.flatMap((code) =>
      Object.keys(REASONS[code]).filter((r) => !named.includes(`'${r}'`) && !filter.includes(r)),
    );
    expect(unused).toEqual([]);
  });

  it('should refuse, by type, a CONFLICT without a reason or with one not in the table', () => {
    const head = "import { DomainError, ErrorCode } from './errors';\n";
    expect(
      typeErrorsOf(
        `${head}new DomainError(ErrorCode.CONFLICT, 'x', { reason: 'DUPLICATE_NAME' });`,
      ),
    ).toEqual([]);
    expect(typeErrorsOf(`${head}new DomainError(ErrorCode.CONFLICT, 'x');`)).toEqual([
      expect.stringContaining('not assignable'),
    ]);
    expect(typeErrorsOf(`${head}new DomainError(ErrorCode.CONFLICT, 'x', { id: 1 });`)).toEqual([
      expect.stringContaining("Property 'reason' is missing"),
    ]);
    expect(
      typeErrorsOf(`${head}new DomainError(ErrorCode.CONFLICT, 'x', { reason: 'MADE_UP' });`),
    ).toEqual([expect.stringContaining('not assignable')]);
    expect(typeErrorsOf(`${head}new DomainError(ErrorCode.NOT_FOUND, 'x');`)).toEqual([]);
  });

  it('should keep the reason in the details it carries', () => {
    const err = new DomainError(ErrorCode.CONFLICT, 'the passbook is closed', {
      reason: 'PASSBOOK_CLOSED',
      passbookNo: 'V0000001',
    });
    expect(err.details).toEqual({ reason: 'PASSBOOK_CLOSED', passbookNo: 'V0000001' });
  });

  it('should list every reason with its meaning in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const missing = reasonedCodes.flatMap((code) =>
      Object.entries(REASONS[code])
        .map(([reason, meaning]) => `| \`${code}\` | \`${reason}\` | ${meaning} |`)
        .filter((row) => !readme.includes(row)),
    );
    expect(missing).toEqual([]);
  });

  it('should spell every reason in upper snake case, each once across codes', () => {
    const all = reasonedCodes.flatMap((code) => Object.keys(REASONS[code]));
    expect(all.filter((r) => !/^[A-Z]+(_[A-Z]+)*$/.test(r))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
  });
});
