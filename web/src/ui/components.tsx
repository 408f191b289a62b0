import type { ComponentChildren, TargetedEvent } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeError, type ErrorContext } from '../errors';
import { L } from '../i18n';
import { onLinkClick } from '../router';

/** A message box; errors are announced to screen readers at once. */
export function Msg(props: {
  kind: 'error' | 'ok' | 'info' | 'warn';
  children: ComponentChildren;
  testId?: string;
}) {
  return (
    <div
      class={`msg msg-${props.kind}`}
      role={props.kind === 'error' || props.kind === 'warn' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </div>
  );
}

export function ErrorMsg(props: { error: unknown; ctx?: ErrorContext; testId?: string }) {
  if (!props.error) {
    return null;
  }
  return (
    <Msg kind="error" testId={props.testId ?? 'error'}>
      {describeError(props.error, props.ctx)}
    </Msg>
  );
}

export function Link(props: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a href={props.href} class={props.class} onClick={(e) => onLinkClick(e, props.href)}>
      {props.children}
    </a>
  );
}

/** Stars as glyphs, with the number for screen readers and for people who count. */
export function Stars(props: { stars: number; max?: number }) {
  const max = props.max ?? 5;
  const n = Math.max(0, Math.min(max, props.stars));
  return (
    <span class="stars" aria-label={L(`${n} 星`, `${n} stars`)} title={L(`${n} 星`, `${n} stars`)}>
      <span aria-hidden="true">
        {'★'.repeat(n)}
        <span class="stars-off">{'☆'.repeat(max - n)}</span>
      </span>
    </span>
  );
}

/** Loads data on mount and on `reload()`; keeps the last good value while reloading. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    load(ctrl.signal).then(
      (value) => {
        if (!ctrl.signal.aborted) {
          setData(value);
          setError(null);
          setLoading(false);
        }
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) {
          setError(err);
          setLoading(false);
        }
      },
    );
    return () => ctrl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}

/** Runs one action at a time and keeps its error; the button it drives is disabled meanwhile. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busyRef = useRef(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (busyRef.current) {
      return undefined;
    }
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

export function Field(props: {
  label: string;
  hint?: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <label class={`field ${props.class ?? ''}`}>
      <span class="field-label">{props.label}</span>
      {props.children}
      {props.hint ? <span class="field-hint">{props.hint}</span> : null}
    </label>
  );
}

export function Loading() {
  return <p class="loading">{L('正在加载…', 'Loading…')}</p>;
}

export function Section(props: {
  title: string;
  children: ComponentChildren;
  class?: string;
  actions?: ComponentChildren;
  testId?: string;
}) {
  return (
    <section class={`card ${props.class ?? ''}`} data-testid={props.testId}>
      <div class="card-head">
        <h2>{props.title}</h2>
        {props.actions ? <div class="card-actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </section>
  );
}

/** Plain `<input>` value handler. */
export const inputValue = (
  e: TargetedEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>,
): string => e.currentTarget.value;

/**
 * Text that breaks only between words of its own: dates ("2026-12-02"), times ("09:32") and a
 * number with its unit ("1.8升", "2小时", "3 人）" with its closing bracket) each stay on one line.
 */
export function Unbroken(props: { text: string }) {
  const parts = props.text.split(
    /(\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\d+(?:\.\d+)?\s?(?:小时|mm|[\u4e00-\u9fff])[）)]?)/,
  );
  return (
    <>
      {parts.map((p, i) =>
        i % 2 ? (
          <span key={i} class="nowrap">
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </>
  );
}
