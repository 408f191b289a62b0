import type { ComponentChildren } from 'preact';
import type { ErrorContext } from '../errors';
import { ErrorMsg, Loading } from './components';

/** What `useLoad` gives a list: the last good value (undefined until the first answer) and the error. */
export interface Loadable<T> {
  data?: T;
  error: unknown;
}

/**
 * The one way a page shows something it loads: the coded error (with its sentence for `ctx`),
 * 正在加载… until the first answer, then `children` with the data (kept while it reloads).
 */
export function Loaded<T>(props: {
  load: Loadable<T>;
  ctx?: ErrorContext;
  children: (data: T) => ComponentChildren;
}) {
  const { data, error } = props.load;
  return (
    <>
      <ErrorMsg error={error} ctx={props.ctx} />
      {data === undefined && !error ? <Loading /> : null}
      {data !== undefined ? props.children(data) : null}
    </>
  );
}

/** A column head; `num` right-aligns it like its numbers. */
export type Column = string | { label: string; num?: boolean };

/**
 * A table that turns into cards on a phone (`data-label` on each cell names it there): the heads,
 * one or more rows an item, and the empty sentence as a muted row when there are none.
 */
export function Table<T>(props: {
  columns: Column[];
  items: T[];
  row: (item: T) => ComponentChildren;
  /** Shown as the only row when `items` is empty; without it an empty table stays empty. */
  empty?: string;
  testId?: string;
}) {
  return (
    <div class="table-wrap">
      <table class="table table-cards" data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c, i) =>
              typeof c === 'string' ? (
                <th key={i}>{c}</th>
              ) : (
                <th key={i} class={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {props.items.map(props.row)}
          {props.items.length === 0 && props.empty ? (
            <tr>
              <td colSpan={props.columns.length} class="muted">
                {props.empty}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The list every admin section shows: loading, the coded error, then either a `Table` of
 * `columns` and `row`s or, for lists drawn as cards, `children` with the items. `empty` is what
 * an empty list says: a muted row of the table, or (cards) shown instead of `children`.
 */
export function List<T>(
  props: {
    load: Loadable<T[]>;
    ctx?: ErrorContext;
  } & (
    | { columns: Column[]; row: (item: T) => ComponentChildren; empty?: string; testId?: string }
    | { children: (items: T[]) => ComponentChildren; empty?: ComponentChildren }
  ),
) {
  return (
    <Loaded load={props.load} ctx={props.ctx}>
      {(items) =>
        'columns' in props ? (
          <Table
            columns={props.columns}
            items={items}
            row={props.row}
            empty={props.empty}
            testId={props.testId}
          />
        ) : items.length === 0 && props.empty !== undefined ? (
          props.empty
        ) : (
          props.children(items)
        )
      }
    </Loaded>
  );
}
