import { enc, get, query, type Session } from '../api';
import { todayLocal } from '../format';
import { L } from '../i18n';
import type { Passbook, StatementEntry } from '../types';
import { publicAddress } from '../community';
import { ErrorMsg, Loading, useLoad } from '../ui/components';
import { entryWords } from '../ui/passbook';
import { QrCode } from '../ui/qr';

/**
 * The whole statement, oldest first like the screen's (see StatementList), by following the cursor
 * (a passbook rarely has thousands).
 */
async function loadWholePassbook(path: string, signal: AbortSignal): Promise<Passbook> {
  const first = await get<Passbook>(`${path}${query({ limit: 200 })}`, { signal });
  const entries: StatementEntry[] = [...first.entries];
  let cursor = first.nextCursor;
  for (let guard = 0; cursor && guard < 500; guard++) {
    const page = await get<Passbook>(`${path}${query({ limit: 200, cursor })}`, { signal });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  }
  return { ...first, entries: entries.reverse(), nextCursor: null };
}

export function PrintPassbookPage(props: { passbookNo: string; session: Session }) {
  const own = props.session.role === 'volunteer';
  const path = own ? '/me/passbook' : `/passbooks/${enc(props.passbookNo)}`;
  const loaded = useLoad((signal) => loadWholePassbook(path, signal), [path]);
  const p = loaded.data;
  // PUBLIC_URL when the service has one: the PC that prints may reach it by another address.
  const address = publicAddress();
  // Printed line numbers, so a reversal can name the line it undoes as on a paper passbook.
  const lines = new Map((p?.entries ?? []).map((e, i) => [e.transactionId, i + 1]));
  return (
    <main class="page print-page" data-testid="print-page">
      <div class="row no-print">
        <button type="button" class="btn btn-primary" onClick={() => window.print()} disabled={!p}>
          {L('打印', 'Print')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => history.back()}>
          {L('返回', 'Back')}
        </button>
        <span class="muted">{L('打印时请选择 A4 纸，纵向。', 'Print on A4, portrait.')}</span>
      </div>
      {loaded.error ? <ErrorMsg error={loaded.error} ctx={{ subject: 'passbook' }} /> : null}
      {!p && !loaded.error ? <Loading /> : null}
      {p ? (
        <article class="passbook-print">
          <header class="passbook-cover">
            <div>
              <h1>{L('爱心存折', 'Love Passbook')}</h1>
              <p class="passbook-sub">{L('志愿服务积分存折', 'Volunteer points passbook')}</p>
              <dl class="passbook-facts">
                <div>
                  <dt>{L('户名', 'Holder')}</dt>
                  <dd data-testid="print-owner">{p.owner.name}</dd>
                </div>
                <div>
                  <dt>{L('类别', 'Kind')}</dt>
                  <dd>
                    {p.owner.type === 'household'
                      ? L('困难家庭', 'Household')
                      : L('志愿者', 'Volunteer')}
                  </dd>
                </div>
                <div>
                  <dt>{L('存折号', 'Passbook No.')}</dt>
                  <dd class="mono passbook-number" data-testid="print-number">
                    {p.passbookNo}
                  </dd>
                </div>
                <div>
                  <dt>{L('当前余额', 'Balance')}</dt>
                  <dd class="mono">{p.balance}</dd>
                </div>
                <div>
                  <dt>{L('打印日期', 'Printed')}</dt>
                  <dd>{todayLocal()}</dd>
                </div>
              </dl>
            </div>
            <QrCode
              text={p.passbookNo}
              label={L(`存折号 ${p.passbookNo} 的二维码`, `QR code of passbook ${p.passbookNo}`)}
              size="7.5rem"
            />
          </header>
          <div class="passbook-table-wrap">
            <table class="passbook-table" data-testid="print-statement">
              <thead>
                <tr>
                  <th>{L('序号', 'No.')}</th>
                  <th>{L('日期', 'Date')}</th>
                  <th>{L('摘要', 'Description')}</th>
                  <th class="num">{L('存入', 'In')}</th>
                  <th class="num">{L('支出', 'Out')}</th>
                  <th class="num">{L('余额', 'Balance')}</th>
                </tr>
              </thead>
              <tbody>
                {p.entries.map((e, i) => {
                  const out = e.amount.startsWith('-');
                  const w = entryWords(e);
                  const lineOf = (transactionId: string) => lines.get(transactionId);
                  const undoneLine = e.reversesEntry
                    ? lineOf(e.reversesEntry.transactionId)
                    : undefined;
                  const reversalLine = e.reversedBy
                    ? lineOf(e.reversedBy.transactionId)
                    : undefined;
                  return (
                    <tr
                      key={e.seq}
                      class={e.reversedBy ? 'print-reversed' : undefined}
                      data-testid={`print-entry-${i + 1}`}
                    >
                      <td class="num">{i + 1}</td>
                      <td class="nowrap">{e.postedDate}</td>
                      <td>
                        <strong>{w.label}</strong>{' '}
                        {w.undoes ? (
                          <span>
                            {w.undoes}
                            {undoneLine
                              ? L(`（第 ${undoneLine} 行）`, ` (line ${undoneLine})`)
                              : null}
                            {L('。', '. ')}
                          </span>
                        ) : null}
                        {w.what}
                        {w.served ? <span class="print-note">（{w.served}）</span> : null}
                        {w.reversed ? (
                          <span class="print-note print-mark">
                            {' '}
                            【{w.reversed}
                            {reversalLine
                              ? L(`，见第 ${reversalLine} 行`, `, see line ${reversalLine}`)
                              : null}
                            】
                          </span>
                        ) : null}
                      </td>
                      <td class="num">{out ? '' : e.amount.replace(/^\+/, '')}</td>
                      <td class="num">{out ? e.amount.replace(/^-/, '') : ''}</td>
                      <td class="num">{e.balanceAfter}</td>
                    </tr>
                  );
                })}
                {p.entries.length === 0 ? (
                  <tr>
                    <td colSpan={6} class="muted">
                      {L('暂无记录', 'No entries yet')}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <footer class="passbook-foot">
            <p data-testid="print-address">
              {L(
                `凭存折号和密码可在 ${address} 查询余额和明细（也可以用手机扫右边的二维码）。请妥善保管存折和密码。`,
                `Check your balance at ${address} with this number and your PIN (or scan the code on the right with a phone). Keep both safe.`,
              )}
            </p>
            <QrCode
              text={address}
              label={L(`查询网址 ${address} 的二维码`, `QR code of the address ${address}`)}
              size="5rem"
            />
          </footer>
        </article>
      ) : null}
    </main>
  );
}
