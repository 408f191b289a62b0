import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api';
import { entryKindLabel, formatDateTime } from '../format';
import { L } from '../i18n';
import type { StatementEntry, WindowStatus } from '../types';
import { ErrorMsg } from './components';

/** The statement, newest first, each line with its running balance like a bank passbook. */
export function StatementList(props: {
  entries: StatementEntry[];
  action?: (entry: StatementEntry) => ComponentChildren;
  testId?: string;
}) {
  if (props.entries.length === 0) {
    return <p class="muted">{L('还没有记录。', 'No entries yet.')}</p>;
  }
  return (
    <ol class="statement" data-testid={props.testId ?? 'statement'}>
      {props.entries.map((e) => {
        const negative = e.amount.startsWith('-');
        return (
          <li key={e.seq} class={`entry entry-${e.kind}`}>
            <div class="entry-main">
              <span class="entry-date">{e.effectiveDate}</span>
              {e.description.startsWith(entryKindLabel(e.kind)) ? null : (
                <span class="entry-kind">{entryKindLabel(e.kind)}</span>
              )}
              <span class="entry-desc">{e.description}</span>
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
  );
}

/** Follows `nextCursor` so "more" appends older entries to what is shown. */
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
      <span>{w.detail}</span>
    </div>
  );
}
