import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api';
import { entryKindLabel, formatDateTime } from '../format';
import { L } from '../i18n';
import type { EntryKind, StatementEntry, WindowStatus } from '../types';
import { ErrorMsg, Unbroken } from './components';

/** An entry's kind as the statement names it; undoing a redemption is its cancellation. */
export function entryLabel(e: Pick<StatementEntry, 'kind' | 'reversesEntry'>): string {
  return e.kind === 'reversal' && e.reversesEntry?.kind === 'redeem'
    ? L('取消兑换', 'cancelled redemption')
    : entryKindLabel(e.kind);
}

/** What an entry was, without the label its description repeats or the ledger's own numbers. */
function whatOf(kind: EntryKind, description: string, reason: string | null): string {
  switch (kind) {
    case 'redeem': {
      const m = /^公益坊兑换 #(\d+): (.*)$/su.exec(description);
      return m
        ? L(`${m[2]}（兑换单 ${m[1]} 号）`, `${m[2]} (redemption no. ${m[1]})`)
        : description;
    }
    case 'redeem_return': {
      const m = /^退货 兑换 No\. (\d+): (.*)$/su.exec(description);
      return m
        ? L(`${m[2]}（兑换单 ${m[1]} 号）`, `${m[2]} (redemption no. ${m[1]})`)
        : description;
    }
    case 'donate':
      return description.replace(/^爱心捐赠 · /u, L('捐给 ', 'to '));
    case 'receive':
      return description.replace(/^爱心捐赠 · .*$/su, L('爱心捐赠', 'a gift'));
    case 'adjust':
      return reason ?? description.replace(/^调整: /u, '');
    case 'earn':
    case 'reversal':
      return description.replace(/^冲正 #\d+: /u, '');
    default:
      return description;
  }
}

/** A reversal's reason without the cancellation's own prefix (its label already says so). */
function reasonText(reason: string): string {
  return reason.replace(/^取消兑换 #\d+: /u, '');
}

/**
 * One statement line in words, the same on the screen and on the printed passbook: the label,
 * what it was, and for reversals what they undo and why, for reversed entries when and why.
 */
export function entryWords(e: StatementEntry): {
  label: string;
  what: string;
  /** On a back-dated service record: the day served. */
  served: string | null;
  /** On a reversal: the entry it undoes, in words. */
  undoes: string | null;
  /** On a reversed entry: the mark "已冲正 2026-06-20" and the reason. */
  reversed: string | null;
} {
  const original = e.reversesEntry;
  const reason = e.reason ? reasonText(e.reason) : null;
  return {
    label: entryLabel(e),
    what:
      e.kind === 'reversal'
        ? reason
          ? L(`原因：${reason}`, `reason: ${reason}`)
          : whatOf(e.kind, e.description, null)
        : whatOf(e.kind, e.description, e.reason),
    served:
      e.kind === 'earn' && e.effectiveDate !== e.postedDate
        ? L(`服务日期 ${e.effectiveDate}`, `served ${e.effectiveDate}`)
        : null,
    undoes: original
      ? L(
          `冲掉 ${original.postedDate} 的${entryKindLabel(original.kind)}「${whatOf(original.kind, original.description, null)}」${original.amount}`,
          `undoes the ${entryKindLabel(original.kind)} of ${original.postedDate} "${whatOf(original.kind, original.description, null)}" ${original.amount}`,
        )
      : null,
    reversed: e.reversedBy
      ? e.kind === 'redeem'
        ? L(`已取消 ${e.reversedBy.postedDate}`, `cancelled ${e.reversedBy.postedDate}`)
        : L(`已冲正 ${e.reversedBy.postedDate}`, `reversed ${e.reversedBy.postedDate}`)
      : null,
  };
}

export const entryAnchor = (transactionId: string): string => `entry-${transactionId}`;

/** A link to another line of the same statement, or plain text when that line is not shown. */
function EntryLink(props: { to: string; shown: Set<string>; children: ComponentChildren }) {
  if (!props.shown.has(props.to)) {
    return <span>{props.children}</span>;
  }
  return (
    <a
      href={`#${entryAnchor(props.to)}`}
      class="entry-link"
      onClick={(ev) => {
        const target = document.getElementById(entryAnchor(props.to));
        if (target) {
          ev.preventDefault();
          target.scrollIntoView({ block: 'center' });
          target.focus();
        }
      }}
    >
      {props.children}
    </a>
  );
}

/**
 * The statement like a paper passbook: oldest first, the newest line last, each with the balance
 * after it (the last line's balance is the balance). `entries` come as the API pages them, newest
 * first; `more` (the "older entries" button) stands above the first line.
 */
export function StatementList(props: {
  entries: StatementEntry[];
  action?: (entry: StatementEntry) => ComponentChildren;
  more?: ComponentChildren;
  testId?: string;
}) {
  if (props.entries.length === 0) {
    return <p class="muted">{L('还没有记录。', 'No entries yet.')}</p>;
  }
  const shown = new Set(props.entries.map((e) => e.transactionId));
  const oldestFirst = [...props.entries].reverse();
  return (
    <>
      <p class="muted small statement-order">
        {L(
          '按记账先后排列，最新的一笔在最下面；每笔右边是记完这笔后的余额。',
          'Oldest first, the newest at the bottom; each line shows the balance after it.',
        )}
      </p>
      {props.more}
      <ol class="statement" data-testid={props.testId ?? 'statement'}>
        {oldestFirst.map((e) => {
          const negative = e.amount.startsWith('-');
          const w = entryWords(e);
          return (
            <li
              key={e.seq}
              id={entryAnchor(e.transactionId)}
              tabIndex={-1}
              class={`entry entry-${e.kind}${e.reversedBy ? ' entry-is-reversed' : ''}`}
              data-testid={`entry-${e.transactionId}`}
            >
              <div class="entry-main">
                <span class="entry-date">{e.postedDate}</span>
                <span class="entry-kind">{w.label}</span>
                {w.reversed && e.reversedBy ? (
                  <span class="entry-mark" data-testid="entry-reversed-mark">
                    <EntryLink to={e.reversedBy.transactionId} shown={shown}>
                      {w.reversed}
                    </EntryLink>
                  </span>
                ) : null}
                {w.undoes && e.reversesEntry ? (
                  <span class="entry-desc" data-testid="entry-undoes">
                    <EntryLink to={e.reversesEntry.transactionId} shown={shown}>
                      {w.undoes}
                    </EntryLink>
                  </span>
                ) : null}
                <span class={w.undoes ? 'entry-note' : 'entry-desc'}>{w.what}</span>
                {w.served ? <span class="entry-note">{w.served}</span> : null}
                {e.reversedBy?.reason ? (
                  <span class="entry-note">
                    {L(
                      `冲正原因：${reasonText(e.reversedBy.reason)}`,
                      `reason: ${reasonText(e.reversedBy.reason)}`,
                    )}
                  </span>
                ) : null}
              </div>
              <div class="entry-nums">
                <span class={`entry-amount ${negative ? 'minus' : 'plus'}`}>{e.amount}</span>
                <span class="entry-balance">
                  {L('余额', 'balance')} {e.balanceAfter}
                </span>
              </div>
              {props.action ? <div class="entry-action">{props.action(e)}</div> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** Follows `nextCursor` so "more" adds older entries above what is shown. */
export function MoreButton(props: {
  nextCursor: string | null;
  onMore: () => void;
  busy?: boolean;
}) {
  if (!props.nextCursor) {
    return null;
  }
  return (
    <button type="button" class="btn btn-secondary" onClick={props.onMore} disabled={props.busy}>
      {L('更早的记录', 'Older entries')}
    </button>
  );
}

export function windowText(status: WindowStatus): {
  open: boolean;
  headline: string;
  detail: string;
} {
  if (status.open && status.window) {
    return {
      open: true,
      headline: L('兑换期进行中', 'Redemption window OPEN'),
      detail: L(
        `到 ${formatDateTime(status.window.closesAt)} 结束`,
        `until ${formatDateTime(status.window.closesAt)}`,
      ),
    };
  }
  return {
    open: false,
    headline: L('现在不是兑换期', 'Redemption window CLOSED'),
    detail: status.next
      ? L(
          `下次兑换期：${formatDateTime(status.next.opensAt)} 至 ${formatDateTime(status.next.closesAt)}`,
          `Next window: ${formatDateTime(status.next.opensAt)} to ${formatDateTime(status.next.closesAt)}`,
        )
      : L('下次兑换期还没有排定', 'No next window scheduled yet'),
  };
}

/** Current or next redemption window, refreshed every minute so a closing window shows at once. */
export function useWindowStatus(refreshMs = 60_000) {
  const [status, setStatus] = useState<WindowStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    get<WindowStatus>('/redemption-windows/current').then(
      (s) => {
        if (live) {
          setStatus(s);
          setError(null);
        }
      },
      (err: unknown) => {
        if (live) {
          setError(err);
        }
      },
    );
    const timer = setTimeout(() => setTick((t) => t + 1), refreshMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tick, refreshMs]);
  return { status, error, refresh: () => setTick((t) => t + 1) };
}

export function WindowBanner(props: {
  status: WindowStatus | null;
  error: unknown;
  big?: boolean;
}) {
  if (props.error && !props.status) {
    return props.error instanceof ApiError && props.error.code === 'NOT_FOUND' ? null : (
      <ErrorMsg error={props.error} />
    );
  }
  if (!props.status) {
    return null;
  }
  const w = windowText(props.status);
  return (
    <div
      class={`window-banner ${w.open ? 'window-open' : 'window-closed'} ${props.big ? 'window-big' : ''}`}
      role="status"
      data-testid="window-banner"
    >
      <strong>
        <span aria-hidden="true">{w.open ? '● ' : '■ '}</span>
        {w.headline}
      </strong>
      <span>
        <Unbroken text={w.detail} />
      </span>
    </div>
  );
}
