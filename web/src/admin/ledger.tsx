import { useState } from 'preact/hooks';
import { get } from '../api';
import { L } from '../i18n';
import { ErrorMsg, Msg, Section, useAction } from '../ui/components';
import { ActionButton } from '../ui/form';

interface Verify {
  ok: boolean;
  transactions?: number;
  lastHash?: string;
  firstBadSeq?: number;
  reason?: string;
}

interface TrialBalance {
  ok: boolean;
  sum: string;
  /** How many accounts were summed (the API answers a number). */
  accounts: number | unknown[];
}

const accountCount = (a: number | unknown[]): number => (Array.isArray(a) ? a.length : a);

export function LedgerSection() {
  const [verify, setVerify] = useState<Verify | null>(null);
  const [trial, setTrial] = useState<TrialBalance | null>(null);
  const action = useAction();
  return (
    <Section title={L('账本核对', 'Ledger check')}>
      <p class="muted">
        {L(
          '重新计算整本账的哈希链和每个账户余额，确认没有被改动。',
          'Recomputes the hash chain and every balance to show nothing was altered.',
        )}
      </p>
      <div class="row">
        <ActionButton
          action={action}
          class="btn btn-secondary"
          onClick={async () => setVerify(await get<Verify>('/ledger/verify'))}
        >
          {L('核对哈希链', 'Verify the chain')}
        </ActionButton>
        <ActionButton
          action={action}
          class="btn btn-secondary"
          onClick={async () => setTrial(await get<TrialBalance>('/ledger/trial-balance'))}
        >
          {L('试算平衡', 'Trial balance')}
        </ActionButton>
      </div>
      <ErrorMsg error={action.error} />
      {verify ? (
        verify.ok ? (
          <Msg kind="ok">
            {L(
              `账本完好：共 ${verify.transactions ?? 0} 笔交易，哈希链无误。`,
              `Ledger intact: ${verify.transactions ?? 0} transactions, chain verified.`,
            )}
          </Msg>
        ) : (
          <Msg kind="error">
            {L(
              `账本异常：第 ${verify.firstBadSeq ?? '?'} 笔起对不上（${verify.reason ?? ''}）。请立即联系技术人员。`,
              `Ledger broken from seq ${verify.firstBadSeq ?? '?'} (${verify.reason ?? ''}). Call technical staff now.`,
            )}
          </Msg>
        )
      ) : null}
      {trial ? (
        <Msg kind={trial.ok ? 'ok' : 'error'}>
          {trial.ok
            ? L(
                `试算平衡：${accountCount(trial.accounts)} 个账户合计 ${trial.sum}。`,
                `Balanced: ${accountCount(trial.accounts)} accounts sum to ${trial.sum}.`,
              )
            : L(
                `试算不平衡：合计 ${trial.sum}。请立即联系技术人员。`,
                `Not balanced: sum ${trial.sum}. Call technical staff now.`,
              )}
        </Msg>
      ) : null}
    </Section>
  );
}
