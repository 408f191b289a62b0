import { useState } from 'preact/hooks';
import { ApiError, download, post } from '../api';
import { describeError } from '../errors';
import { memberKindLabel } from '../format';
import { L } from '../i18n';
import { ErrorMsg, Field, Msg, Section, useAction } from '../ui/components';
import { ActionButton } from '../ui/form';

interface RowProblem {
  field: string;
  reason: string;
  message: string;
  row?: number;
  passbookNo?: string;
}

interface ImportRow {
  row: number;
  name: string;
  kind: 'party_member' | 'resident' | null;
  phone: string | null;
  teams: string[];
  status: 'ok' | 'refused' | 'imported' | 'skipped';
  problems: RowProblem[];
  warnings: RowProblem[];
  passbookNo?: string;
  pin?: string;
}

interface ImportReport {
  dryRun: boolean;
  total: number;
  valid: number;
  refused: number;
  imported: number;
  newTeams: string[];
  rows: ImportRow[];
}

const COLUMN: Record<string, [string, string]> = {
  name: ['姓名', 'name'],
  kind: ['身份', 'kind'],
  phone: ['电话', 'phone'],
  pin: ['密码', 'PIN'],
  passbookNo: ['存折号', 'passbook number'],
  teams: ['服务队', 'teams'],
};

/** One problem of one row, as a sentence the admin can fix in the spreadsheet. */
export function problemSentence(p: RowProblem): string {
  const col = COLUMN[p.field] ? L(COLUMN[p.field][0], COLUMN[p.field][1]) : '';
  switch (p.reason) {
    case 'REQUIRED':
      return L(`${col}没有填。`, `${col} is missing.`);
    case 'TOO_LONG':
      return L(`${col}太长了（最多50个字）。`, `${col} is too long (50 characters at most).`);
    case 'DUPLICATE_IN_FILE':
      return p.field === 'passbookNo'
        ? L(`存折号和第 ${p.row} 行重复。`, `Same passbook number as row ${p.row}.`)
        : L(
            `和第 ${p.row} 行是同一个人（姓名、电话相同）。`,
            `Same name and phone as row ${p.row}.`,
          );
    case 'DUPLICATE_EXISTING':
      return L(
        `已经开过存折 ${p.passbookNo ?? ''}（姓名、电话相同），不要重复开户。`,
        `Already has passbook ${p.passbookNo ?? ''} (same name and phone).`,
      );
    case 'PASSBOOK_NO_TAKEN':
      return L(
        `存折号 ${p.passbookNo ?? ''} 已经有人用了。`,
        `Passbook ${p.passbookNo ?? ''} is taken.`,
      );
    case 'SAME_NAME_EXISTS':
      return L(
        `已有同名志愿者（存折 ${p.passbookNo ?? ''}），请确认不是同一个人。`,
        `A volunteer of this name exists (passbook ${p.passbookNo ?? ''}); make sure it is someone else.`,
      );
    default:
      switch (p.field) {
        case 'phone':
          return L(
            '电话应为11位手机号（1开头，如 13812345678）。',
            'Phone must be an 11-digit mobile number (like 13812345678).',
          );
        case 'kind':
          return L('身份应填“党员”或“群众”。', 'Kind must be 党员 or 群众.');
        case 'pin':
          return L('密码应为6位数字，或者空着自动生成。', 'PIN must be 6 digits, or blank.');
        case 'passbookNo':
          return L(
            '存折号不对（8位，V开头，请核对），或者空着自动生成。',
            'Passbook number is not valid (8 characters starting V), or leave it blank.',
          );
        case 'name':
          return L('姓名只能是一行文字。', 'Name must be one line of text.');
        case 'teams':
          return L(
            '服务队名称只能是一行文字，最多50个字。',
            'Team names: one line, 50 characters.',
          );
        default:
          return L('这一行有问题。', 'This row has a problem.');
      }
  }
}

function fileError(err: unknown): string {
  const reason = err instanceof ApiError ? err.details.reason : undefined;
  switch (reason) {
    case 'UNREADABLE_FILE':
      return L(
        '读不出这个文件。请用 Excel（.xlsx）或 CSV 文件。',
        'This file cannot be read: use an Excel (.xlsx) or CSV file.',
      );
    case 'NO_NAME_COLUMN':
      return L(
        '表格第一行要写列名，至少要有“姓名”这一列。',
        'The first row must name the columns, 姓名 at least.',
      );
    case 'TOO_MANY_ROWS':
      return L('一次最多导入2000行，请分成几个文件。', 'At most 2000 rows at a time.');
    case 'EMPTY':
      return L('表格里没有人员。', 'The sheet has no rows.');
    default:
      return describeError(err);
  }
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function statusLabel(s: ImportRow['status']): string {
  switch (s) {
    case 'ok':
      return L('可以导入', 'ok');
    case 'refused':
      return L('有问题', 'refused');
    case 'imported':
      return L('已开户', 'imported');
    case 'skipped':
      return L('未导入', 'skipped');
  }
}

function ReportTable(props: { report: ImportReport; onlyProblems: boolean }) {
  const rows = props.onlyProblems
    ? props.report.rows.filter((r) => r.problems.length || r.warnings.length)
    : props.report.rows;
  return (
    <div class="table-wrap">
      <table class="table table-cards import-report" data-testid="import-report">
        <thead>
          <tr>
            <th class="num">{L('行', 'Row')}</th>
            <th>{L('姓名', 'Name')}</th>
            <th>{L('身份', 'Kind')}</th>
            <th>{L('电话', 'Phone')}</th>
            <th>{L('服务队', 'Teams')}</th>
            <th>{L('结果', 'Result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} class={r.problems.length ? 'row-refused' : ''} data-row={r.row}>
              <td data-label={L('行', 'Row')} class="num">
                {r.row}
              </td>
              <td data-label={L('姓名', 'Name')}>{r.name}</td>
              <td data-label={L('身份', 'Kind')}>{r.kind ? memberKindLabel(r.kind) : ''}</td>
              <td data-label={L('电话', 'Phone')}>{r.phone ?? ''}</td>
              <td data-label={L('服务队', 'Teams')}>{r.teams.join('、')}</td>
              <td data-label={L('结果', 'Result')}>
                <strong>{statusLabel(r.status)}</strong>
                {r.problems.map((p, i) => (
                  <div key={`p${i}`} class="import-problem">
                    {problemSentence(p)}
                  </div>
                ))}
                {r.warnings.map((p, i) => (
                  <div key={`w${i}`} class="import-warning">
                    {problemSentence(p)}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** New passbook numbers with their PINs, to print and cut into slips for each volunteer. */
function PinSheet(props: { report: ImportReport }) {
  const imported = props.report.rows.filter((r) => r.status === 'imported');
  return (
    <div class="pin-sheet" data-testid="pin-sheet">
      <div class="no-print stack">
        <Msg kind="ok" testId="import-done">
          {L(
            `已为 ${props.report.imported} 人开户。下面的密码只显示这一次，请打印后剪开，交给本人。`,
            `${props.report.imported} passbooks opened. The PINs below are shown this once: print, cut and hand them out.`,
          )}
        </Msg>
        <button type="button" class="btn btn-primary" onClick={() => window.print()}>
          {L('打印密码单', 'Print the PIN sheet')}
        </button>
      </div>
      <h2 class="print-only">{L('爱心存折 开户密码单', 'Love passbook: PIN slips')}</h2>
      <div class="pin-slips">
        {imported.map((r) => (
          <div class="pin-slip" key={r.row}>
            <div class="pin-slip-name">{r.name}</div>
            <div>
              {L('存折号', 'Passbook')} <strong class="mono">{r.passbookNo}</strong>
            </div>
            <div>
              {L('密码', 'PIN')}{' '}
              <strong class="mono">{r.pin ?? L('（表格中已填）', '(as in the sheet)')}</strong>
            </div>
            {r.teams.length ? <div class="muted">{r.teams.join('、')}</div> : null}
          </div>
        ))}
      </div>
    </div>
  );
}

/** 从表格导入: choose a file, see each row's check, then import all (or all but the refused). */
export function MemberImport(props: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; base64: string; format: 'xlsx' | 'csv' } | null>(
    null,
  );
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [skip, setSkip] = useState(false);
  const action = useAction();
  const check = (f: NonNullable<typeof file>) =>
    action.run(async () => {
      setPreview(
        await post<ImportReport>('/members/import?dryRun=true', {
          file: f.base64,
          format: f.format,
        }),
      );
    });
  const refused = preview?.refused ?? 0;
  return (
    <Section title={L('从表格导入志愿者', 'Import volunteers from a spreadsheet')} testId="import">
      {done ? (
        <>
          <PinSheet report={done} />
          <button
            type="button"
            class="btn btn-secondary no-print"
            onClick={() => {
              setDone(null);
              setFile(null);
            }}
          >
            {L('再导入一个表格', 'Import another file')}
          </button>
        </>
      ) : (
        <div class="stack">
          <p class="muted">
            {L(
              '支持 Excel（.xlsx）和 CSV。第一行写列名：姓名（必填）、身份（党员/群众）、电话、服务队（多个用“、”隔开，没有的服务队会新建）、存折号、密码（空着自动生成）、加入日期（纸质登记的日期，如 2019-03-05，空着为导入当天）。',
              'Excel (.xlsx) or CSV. First row: 姓名 (required), 身份 (党员/群众), 电话, 服务队 (separated by 、; new teams are created), 存折号, 密码 (blank: generated), 加入日期 (the join date on the paper register, e.g. 2019-03-05; blank: the day of the import).',
            )}
          </p>
          <Field label={L('选择表格文件', 'Choose the file')}>
            <input
              type="file"
              name="roster"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => {
                const chosen = e.currentTarget.files?.[0];
                setPreview(null);
                setSkip(false);
                action.setError(null);
                if (!chosen) {
                  setFile(null);
                  return;
                }
                void readAsBase64(chosen).then((base64) => {
                  const f = {
                    name: chosen.name,
                    base64,
                    format: /\.csv$/i.test(chosen.name) ? ('csv' as const) : ('xlsx' as const),
                  };
                  setFile(f);
                  void check(f);
                });
              }}
            />
          </Field>
          {action.error ? (
            <Msg kind="error" testId="import-error">
              {fileError(action.error)}
            </Msg>
          ) : null}
          {action.busy ? (
            <p class="loading" role="status">
              {preview
                ? L('正在开户，人多时要等一会儿…', 'Opening passbooks; a long list takes a while…')
                : L('正在检查…', 'Checking…')}
            </p>
          ) : null}
          {preview ? (
            <>
              <Msg kind={refused ? 'warn' : 'info'} testId="import-summary">
                {refused
                  ? L(
                      `共 ${preview.total} 行，${preview.valid} 行可以导入，${refused} 行有问题（见下表）。请改好表格重新选择文件；或者勾选“跳过有问题的行”，先导入其余的人。`,
                      `${preview.total} rows: ${preview.valid} can be imported, ${refused} have problems (below). Fix the file and choose it again, or tick “skip the rows with problems”.`,
                    )
                  : L(
                      `共 ${preview.total} 行，都可以导入。`,
                      `${preview.total} rows, all can be imported.`,
                    )}
                {preview.newTeams.length
                  ? L(
                      ` 将新建服务队：${preview.newTeams.join('、')}。`,
                      ` New teams: ${preview.newTeams.join(', ')}.`,
                    )
                  : ''}
              </Msg>
              <ReportTable report={preview} onlyProblems={refused > 0} />
              {refused ? (
                <label class="check">
                  <input
                    type="checkbox"
                    name="skipInvalid"
                    checked={skip}
                    onChange={(e) => setSkip(e.currentTarget.checked)}
                  />
                  {L(
                    `跳过有问题的 ${refused} 行，只导入 ${preview.valid} 行`,
                    `Skip the ${refused} rows with problems, import ${preview.valid}`,
                  )}
                </label>
              ) : null}
              <div class="inline-form">
                <button
                  type="button"
                  class="btn btn-primary"
                  data-testid="import-go"
                  disabled={action.busy || preview.valid === 0 || (refused > 0 && !skip)}
                  onClick={() =>
                    void action.run(async () => {
                      if (!file) {
                        return;
                      }
                      try {
                        const report = await post<ImportReport>('/members/import', {
                          file: file.base64,
                          format: file.format,
                          skipInvalid: skip,
                        });
                        setDone(report);
                        setPreview(null);
                        props.onImported();
                      } catch (err) {
                        // Someone changed the members meanwhile: show the fresh check.
                        const fresh = err instanceof ApiError ? err.details.report : undefined;
                        if (fresh) {
                          setPreview(fresh as ImportReport);
                          setSkip(false);
                        }
                        throw err;
                      }
                    })
                  }
                >
                  {L(
                    `导入 ${preview.valid} 人并开户`,
                    `Import ${preview.valid} and open passbooks`,
                  )}
                </button>
                {file ? (
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={action.busy}
                    onClick={() => void check(file)}
                  >
                    {L('重新检查', 'Check again')}
                  </button>
                ) : null}
              </div>
            </>
          ) : null}
        </div>
      )}
    </Section>
  );
}

/** 导出名单: the member list as Excel or CSV. */
export function MemberExport() {
  const action = useAction();
  return (
    <span class="inline-form">
      <ActionButton
        action={action}
        class="btn btn-secondary"
        onClick={() => download('/members/export', '志愿者名单.xlsx')}
      >
        {L('导出 Excel', 'Export Excel')}
      </ActionButton>
      <ActionButton
        action={action}
        class="btn btn-secondary"
        onClick={() => download('/members/export?format=csv', '志愿者名单.csv')}
      >
        {L('导出 CSV', 'Export CSV')}
      </ActionButton>
      <ErrorMsg error={action.error} />
    </span>
  );
}
