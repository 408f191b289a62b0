import { ApiError, getAll, query } from '../api';
import { trimZeros, unitLabel } from '../format';
import { L } from '../i18n';
import { recordStatusLabel } from '../pages/leader';
import type { ServiceRecord } from '../types';
import { Loading, useLoad } from './components';

/** One entry of `details.duplicates` of 409 CONFLICT LIKELY_DUPLICATE. */
export interface LikelyDuplicate {
  memberId: number;
  recordId: number;
  eventId: number | null;
  itemCode: string;
  message?: string;
}

/** The duplicates a refusal names, or null when it is not a likely-duplicate refusal. */
export function likelyDuplicates(err: unknown): LikelyDuplicate[] | null {
  if (
    !(err instanceof ApiError) ||
    err.code !== 'CONFLICT' ||
    err.details.reason !== 'LIKELY_DUPLICATE'
  ) {
    return null;
  }
  return Array.isArray(err.details.duplicates) ? (err.details.duplicates as LikelyDuplicate[]) : [];
}

/**
 * "Already recorded": what the service found on the same day for the same member and item, and a
 * button to send the same service again as a second real one (confirmDuplicate: true). The page
 * sends it as a new request, so under a new Idempotency-Key (its body changed).
 */
export function DuplicateConfirm(props: {
  duplicates: LikelyDuplicate[];
  serviceDate: string;
  memberName: (memberId: number) => string | undefined;
  itemName: (itemCode: string) => string | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  // The records already there, to show their quantity and state; a leader sees those of their teams.
  const existing = useLoad(
    (signal) =>
      getAll<ServiceRecord>(
        `/service-records${query({ from: props.serviceDate, to: props.serviceDate })}`,
        signal,
      ),
    [props.serviceDate],
  );
  const byId = new Map((existing.data ?? []).map((r) => [Number(r.id), r]));
  return (
    <div class="confirm stack duplicate-confirm" role="alert" data-testid="duplicate-confirm">
      <p class="duplicate-head">
        <strong>
          {L(`${props.serviceDate} 已经记过：`, `Already recorded on ${props.serviceDate}:`)}
        </strong>
      </p>
      {!existing.data && !existing.error ? <Loading /> : null}
      <ul class="plain-list duplicate-list" data-testid="duplicates">
        {props.duplicates.map((d) => {
          const r = byId.get(Number(d.recordId));
          const who = r?.memberName ?? props.memberName(d.memberId) ?? `#${d.memberId}`;
          const item = r?.itemName ?? props.itemName(d.itemCode) ?? d.itemCode;
          return (
            <li key={`${d.memberId}-${d.recordId}`}>
              <strong>{who}</strong>
              {'：'}
              {item}
              {r ? (
                <>
                  {' '}
                  <span class="nowrap">
                    {trimZeros(r.quantity)} {r.unit ? unitLabel(r.unit) : ''}
                  </span>
                  {'，'}
                  <span class="nowrap">
                    {r.points} {L('分', 'pts')}
                  </span>
                  {'，'}
                  {recordStatusLabel(r.status)}
                </>
              ) : null}
              <span class="muted nowrap">
                {L(`（记录 ${d.recordId} 号）`, ` (record ${d.recordId})`)}
              </span>
            </li>
          );
        })}
      </ul>
      <p>
        {L(
          '如果是同一次服务，请不要重复提交。如果确实是另一次服务（例如上午、下午各一次），请点「确认是另一次服务」。',
          'If it is the same service, do not send it again. If it really is another one (morning and afternoon), press "Confirm it is another service".',
        )}
      </p>
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={props.busy}
          onClick={props.onConfirm}
          data-testid="confirm-duplicate"
        >
          {props.busy
            ? L('正在提交…', 'Submitting…')
            : L('确认是另一次服务', 'Confirm it is another service')}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={props.busy}
          onClick={props.onCancel}
        >
          {L('不提交了', 'Do not send')}
        </button>
      </div>
    </div>
  );
}
