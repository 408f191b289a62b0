import { enc, get } from '../api';
import { publicAddress } from '../community';
import { formatDate, formatDateTime } from '../format';
import { L } from '../i18n';
import type { Certificate, CertificateCheck } from '../types';
import { ErrorMsg, Loading, useLoad } from '../ui/components';
import { QrCode } from '../ui/qr';

/** The address a certificate's QR code carries: anyone opening it sees the check. */
export function verifyAddress(number: string): string {
  return `${publicAddress()}/verify/${encodeURIComponent(number)}`;
}

const ID_TYPE_NAMES: Record<string, [string, string]> = {
  resident_id: ['居民身份证', 'Resident ID card'],
  hk_macao_permit: ['港澳居民来往内地通行证', 'HK/Macao travel permit'],
  taiwan_permit: ['台湾居民来往大陆通行证', 'Taiwan travel permit'],
  passport: ['护照', 'Passport'],
  other: ['其他', 'Other'],
};

const dateZh = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * The printable certificate (志愿服务记录证明, A4) in the shape of the official form: the fields in
 * a bordered table, the service content by category and item, the seal area with the date, and a
 * QR code of its public check.
 */
export function PrintCertificatePage(props: { number: string }) {
  const loaded = useLoad(
    (signal) => get<Certificate>(`/certificates/${enc(props.number)}`, { signal }),
    [props.number],
  );
  const c = loaded.data;
  return (
    <main class="page print-page" data-testid="certificate-page">
      <div class="row no-print">
        <button type="button" class="btn btn-primary" onClick={() => window.print()} disabled={!c}>
          {L('打印', 'Print')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => history.back()}>
          {L('返回', 'Back')}
        </button>
        <span class="muted">{L('打印时请选择 A4 纸，纵向。', 'Print on A4, portrait.')}</span>
      </div>
      {loaded.error ? <ErrorMsg error={loaded.error} ctx={{ subject: 'certificate' }} /> : null}
      {!c && !loaded.error ? <Loading /> : null}
      {c ? (
        <article class="certificate" data-testid="certificate">
          {c.status !== 'valid' ? (
            <p class="certificate-void" data-testid="certificate-void">
              {c.status === 'revoked'
                ? L('本证明已作废', 'This certificate is revoked')
                : L('本证明内容与签名不符，无效', 'This certificate does not match its signature')}
            </p>
          ) : null}
          <h1 class="certificate-title">
            {L('志愿服务记录证明', 'Certificate of volunteer service')}
          </h1>
          <p class="certificate-number">
            {L('编号：', 'No. ')}
            <span class="mono" data-testid="certificate-number">
              {c.number}
            </span>
          </p>
          <table class="certificate-table">
            <tbody>
              <tr>
                <th>{L('姓名', 'Name')}</th>
                <td data-testid="certificate-name">{c.volunteer.name}</td>
                <th>{L('志愿者编号', 'Volunteer No.')}</th>
                <td class="mono">{c.volunteer.passbookNo}</td>
              </tr>
              <tr>
                <th>{L('证件类型', 'ID type')}</th>
                <td>
                  {c.volunteer.idDocument
                    ? L(...(ID_TYPE_NAMES[c.volunteer.idDocument.type] ?? ['其他', 'Other']))
                    : L('未登记', 'not recorded')}
                </td>
                <th>{L('证件号码', 'ID number')}</th>
                <td class="mono">{c.volunteer.idDocument?.number ?? '—'}</td>
              </tr>
              <tr>
                <th>{L('服务时间段', 'Period')}</th>
                <td colSpan={3}>
                  {L(`${dateZh(c.from)} 至 ${dateZh(c.to)}`, `${c.from} to ${c.to}`)}
                </td>
              </tr>
              <tr>
                <th>{L('服务时长合计', 'Total hours')}</th>
                <td colSpan={3} data-testid="certificate-hours">
                  {L(`${c.hours} 小时`, `${c.hours} hours`)}
                </td>
              </tr>
              {c.purpose ? (
                <tr>
                  <th>{L('用途', 'Purpose')}</th>
                  <td colSpan={3}>{c.purpose}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <h2 class="certificate-sub">{L('服务内容', 'Service')}</h2>
          <table class="certificate-table certificate-service" data-testid="certificate-service">
            <colgroup>
              <col style={{ width: '28%' }} />
              <col style={{ width: '40%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '20%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{L('服务类别', 'Category')}</th>
                <th>{L('服务项目', 'Item')}</th>
                <th class="num">{L('次数', 'Records')}</th>
                <th class="num">{L('时长（小时）', 'Hours')}</th>
              </tr>
            </thead>
            <tbody>
              {c.service.flatMap((cat) =>
                cat.items.map((item, i) => (
                  <tr key={`${cat.categoryCode}/${item.itemCode}`}>
                    {i === 0 ? (
                      <td rowSpan={cat.items.length}>{cat.categoryName ?? cat.categoryCode}</td>
                    ) : null}
                    <td>{item.itemName ?? item.itemCode}</td>
                    <td class="num">{item.records}</td>
                    <td class="num">{item.hours}</td>
                  </tr>
                )),
              )}
              <tr class="certificate-total">
                <td colSpan={3}>{L('合计', 'Total')}</td>
                <td class="num">{c.hours}</td>
              </tr>
            </tbody>
          </table>
          <p class="certificate-statement">
            {L(
              `兹证明 ${c.volunteer.name} 于上述期间在本单位参加志愿服务，经核实的服务时长共计 ${c.hours} 小时，服务内容如上。本证明根据本单位的志愿服务记录出具，扫描左下角二维码可核验真伪。`,
              `This certifies that ${c.volunteer.name} served as a volunteer with us in the period above: ${c.hours} verified hours, as listed. Scan the QR code to check it.`,
            )}
          </p>
          <table class="certificate-table">
            <tbody>
              <tr>
                <th>{L('出具单位', 'Issued by')}</th>
                <td colSpan={3}>{c.community.issuer ?? c.community.name ?? c.community.code}</td>
              </tr>
              <tr>
                <th>{L('负责人', 'Person in charge')}</th>
                <td>{c.community.personInCharge ?? ''}</td>
                <th>{L('经办人', 'Handled by')}</th>
                <td>{c.handler}</td>
              </tr>
              <tr>
                <th>{L('联系电话', 'Phone')}</th>
                <td>{c.community.contactPhone ?? ''}</td>
                <th>{L('地址', 'Address')}</th>
                <td>{c.community.contactAddress ?? ''}</td>
              </tr>
            </tbody>
          </table>
          <footer class="certificate-foot">
            <div class="certificate-check">
              <QrCode
                text={verifyAddress(c.number)}
                label={L(`证明 ${c.number} 的核验二维码`, `QR code to check ${c.number}`)}
                size="6rem"
              />
              <p class="muted">
                {L('扫码核验', 'Scan to check')}
                <br />
                <span class="mono certificate-url">{verifyAddress(c.number)}</span>
              </p>
            </div>
            <div class="certificate-seal" data-testid="certificate-seal">
              <p>{c.community.issuer ?? c.community.name ?? ''}</p>
              <p class="certificate-seal-box">{L('（盖章）', '(seal)')}</p>
              <p>{dateZh(c.issuedOn)}</p>
            </div>
          </footer>
        </article>
      ) : null}
    </main>
  );
}

/** Anyone's check of a certificate by its number (the QR code's address): no login. */
export function VerifyCertificatePage(props: { number: string }) {
  const loaded = useLoad(
    (signal) =>
      get<CertificateCheck>(`/public/certificates/${enc(props.number)}`, {
        signal,
        anonymous: true,
      }),
    [props.number],
  );
  const v = loaded.data;
  const verdict =
    v?.status === 'valid'
      ? L('证明有效', 'Valid certificate')
      : v?.status === 'revoked'
        ? L('证明已作废', 'Revoked')
        : L('证明无效', 'Not valid');
  return (
    <main class="page" data-testid="verify-page">
      <h1>{L('志愿服务记录证明核验', 'Check a volunteer service certificate')}</h1>
      {loaded.error ? <ErrorMsg error={loaded.error} ctx={{ subject: 'certificate' }} /> : null}
      {!v && !loaded.error ? <Loading /> : null}
      {v ? (
        <section class={`card verify-card verify-${v.status}`}>
          <p class="verify-verdict" data-testid="verify-status">
            {v.status === 'valid' ? '✓ ' : '✗ '}
            {verdict}
          </p>
          {v.status === 'invalid' ? (
            <p>
              {L(
                '这份证明保存的内容与出具时的签名不符，可能被改动过，请勿采信，并联系出具单位。',
                'Its stored content does not match the signature it was issued with: do not rely on it; contact the issuer.',
              )}
            </p>
          ) : (
            <dl class="verify-facts">
              <div>
                <dt>{L('编号', 'No.')}</dt>
                <dd class="mono">{v.number}</dd>
              </div>
              <div>
                <dt>{L('志愿者', 'Volunteer')}</dt>
                <dd data-testid="verify-name">{v.name}</dd>
              </div>
              <div>
                <dt>{L('服务时间段', 'Period')}</dt>
                <dd>
                  {v.from} {L('至', 'to')} {v.to}
                </dd>
              </div>
              <div>
                <dt>{L('服务时长', 'Hours')}</dt>
                <dd data-testid="verify-hours">{L(`${v.hours} 小时`, `${v.hours} h`)}</dd>
              </div>
              <div>
                <dt>{L('出具单位', 'Issued by')}</dt>
                <dd>{v.community?.issuer ?? v.community?.name ?? v.community?.code}</dd>
              </div>
              <div>
                <dt>{L('出具日期', 'Issued')}</dt>
                <dd>{v.issuedAt ? formatDate(v.issuedAt) : ''}</dd>
              </div>
              {v.revokedAt ? (
                <div>
                  <dt>{L('作废时间', 'Revoked')}</dt>
                  <dd data-testid="verify-revoked">{formatDateTime(v.revokedAt)}</dd>
                </div>
              ) : null}
            </dl>
          )}
        </section>
      ) : null}
    </main>
  );
}
