import { useState } from 'preact/hooks';
import { get, getAll, itemsOf, patch, post } from '../api';
import { loadUsers } from '../endpoints';
import { actorLabel, formatDateTime } from '../format';
import { L } from '../i18n';
import { toCents } from '../points';
import type { CatalogItem } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Loading,
  Msg,
  Section,
  useAction,
  useLoad,
} from '../ui/components';
import { TEXT_MAX } from '../limits';

function ItemRow(props: { item: CatalogItem; onChanged: () => void }) {
  const it = props.item;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(it.name);
  const [price, setPrice] = useState(it.price);
  const [restock, setRestock] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  return (
    <tr class={it.active === false ? 'inactive' : ''}>
      <td data-label={L('名称', 'Name')}>
        {editing ? (
          <input
            aria-label={L('名称', 'Name')}
            value={name}
            onInput={(e) => setName(inputValue(e))}
            maxLength={TEXT_MAX.itemName}
          />
        ) : (
          it.name
        )}
      </td>
      <td data-label={L('类别', 'Kind')}>
        {it.kind === 'service_coupon' ? L('服务券', 'coupon') : L('物品', 'goods')}
      </td>
      <td data-label={L('积分', 'Price')} class="num">
        {editing ? (
          <input
            aria-label={L('积分价格', 'Price')}
            class="qty"
            inputMode="decimal"
            value={price}
            onInput={(e) => setPrice(inputValue(e))}
          />
        ) : (
          it.price
        )}
      </td>
      <td data-label={L('库存', 'Stock')} class="num">
        {String(it.stock)}
      </td>
      <td data-label={L('状态', 'Status')}>
        {it.active === false ? L('已下架', 'inactive') : L('在售', 'active')}
      </td>
      <td data-label={L('操作', 'Actions')} class="actions">
        {editing ? (
          <>
            <button
              type="button"
              class="btn btn-primary btn-small"
              disabled={action.busy || toCents(price) === null}
              onClick={() =>
                void action.run(async () => {
                  await patch(`/catalog-items/${it.id}`, {
                    name: name.trim(),
                    price: price.trim(),
                  });
                  setEditing(false);
                  props.onChanged();
                })
              }
            >
              {L('保存', 'Save')}
            </button>
            <button type="button" class="btn-link" onClick={() => setEditing(false)}>
              {L('取消', 'Cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="btn-link" onClick={() => setEditing(true)}>
            {L('改名/改价', 'Edit')}
          </button>
        )}
        <button
          type="button"
          class="btn-link"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await patch(`/catalog-items/${it.id}`, { active: it.active === false });
              props.onChanged();
            })
          }
        >
          {it.active === false ? L('重新上架', 'Activate') : L('下架', 'Deactivate')}
        </button>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(restock);
            if (!Number.isInteger(n) || n <= 0) {
              return;
            }
            void action.run(async () => {
              await post(`/catalog-items/${it.id}/restock`, {
                quantity: n,
                ...(note.trim() ? { note: note.trim() } : {}),
              });
              setRestock('');
              setNote('');
              props.onChanged();
            });
          }}
        >
          <input
            class="qty"
            inputMode="numeric"
            aria-label={L('补货数量', 'Restock quantity')}
            placeholder={L('数量', 'qty')}
            value={restock}
            onInput={(e) => setRestock(inputValue(e))}
          />
          <input
            aria-label={L('补货说明', 'Restock note')}
            placeholder={L('说明', 'note')}
            value={note}
            onInput={(e) => setNote(inputValue(e))}
            maxLength={TEXT_MAX.note}
          />
          <button type="submit" class="btn btn-secondary btn-small" disabled={action.busy}>
            {L('补货', 'Restock')}
          </button>
        </form>
        <ErrorMsg error={action.error} ctx={{ subject: 'item' }} />
      </td>
    </tr>
  );
}

interface StockMovement {
  id: number;
  kind: 'initial' | 'restock' | 'redemption' | 'cancellation' | 'return' | 'adjustment';
  quantity: number;
  stockAfter: number;
  actor: string;
  note: string | null;
  createdAt: string;
}

function movementLabel(kind: StockMovement['kind']): string {
  switch (kind) {
    case 'initial':
      return L('初始库存', 'initial');
    case 'restock':
      return L('补货', 'restock');
    case 'redemption':
      return L('兑换', 'redemption');
    case 'cancellation':
      return L('取消兑换退回', 'cancellation');
    case 'return':
      return L('退货退回', 'return');
    case 'adjustment':
      return L('盘点调整', 'adjustment');
  }
}

/** 报损 / 盘盈 and the movement log of one item: every change of stock with who and why. */
function StockAdjust(props: { items: CatalogItem[]; onChanged: () => void }) {
  const [itemId, setItemId] = useState<number | null>(props.items[0]?.id ?? null);
  const [direction, setDirection] = useState<'loss' | 'found'>('loss');
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const item = props.items.find((i) => i.id === itemId);
  const log = useLoad(
    (signal) =>
      itemId === null
        ? Promise.resolve([] as StockMovement[])
        : get<unknown>(`/catalog-items/${itemId}/stock-movements?limit=50`, { signal }).then((b) =>
            itemsOf<StockMovement>(b),
          ),
    [itemId],
  );
  // Who moved the stock, by name: the log gives the staff account's actor code.
  const users = useLoad((signal) => loadUsers(signal), []);
  const n = Number(qty);
  const valid = Number.isInteger(n) && n > 0 && reason.trim() !== '';
  return (
    <div class="stack" data-testid="stock-adjust">
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!item || !valid) {
            return;
          }
          const signed = direction === 'loss' ? -n : n;
          const sentence =
            direction === 'loss'
              ? L(
                  `${item.name} 报损 ${n} 件（${reason.trim()}），库存从 ${String(item.stock)} 减为 ${Number(item.stock) - n}？`,
                  `Write off ${n} of ${item.name} (${reason.trim()})?`,
                )
              : L(
                  `${item.name} 盘盈 ${n} 件（${reason.trim()}），库存从 ${String(item.stock)} 加为 ${Number(item.stock) + n}？`,
                  `Add ${n} found ${item.name} (${reason.trim()})?`,
                );
          if (!confirm(sentence)) {
            return;
          }
          setDone(null);
          void action.run(async () => {
            await post(`/catalog-items/${item.id}/stock-adjustments`, {
              quantity: signed,
              reason: reason.trim(),
            });
            setDone(L(`已调整：${item.name}。`, `Adjusted: ${item.name}.`));
            setQty('');
            setReason('');
            props.onChanged();
            log.reload();
          });
        }}
      >
        <div class="grid-2">
          <Field label={L('物品', 'Item')}>
            <select
              name="adjustItem"
              value={itemId ?? ''}
              onChange={(e) => setItemId(Number(inputValue(e)))}
            >
              {props.items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}（{L('库存', 'stock')} {String(i.stock)}）
                </option>
              ))}
            </select>
          </Field>
          <Field label={L('调整', 'Change')}>
            <select
              name="adjustDirection"
              value={direction}
              onChange={(e) => setDirection(inputValue(e) as 'loss' | 'found')}
            >
              <option value="loss">{L('报损（丢失、破损、过期）', 'Loss or breakage')}</option>
              <option value="found">{L('盘盈（清点时多出）', 'Found in a count')}</option>
            </select>
          </Field>
          <Field label={L('数量（件）', 'Quantity')}>
            <input
              name="adjustQty"
              inputMode="numeric"
              value={qty}
              onInput={(e) => setQty(inputValue(e))}
            />
          </Field>
          <Field label={L('原因', 'Reason')}>
            <input
              name="adjustReason"
              value={reason}
              maxLength={TEXT_MAX.reason}
              onInput={(e) => setReason(inputValue(e))}
            />
          </Field>
        </div>
        <ErrorMsg error={action.error} ctx={{ subject: 'item' }} />
        {done ? (
          <Msg kind="ok" testId="stock-adjusted">
            {done}
          </Msg>
        ) : null}
        <button type="submit" class="btn btn-secondary" disabled={action.busy || !valid}>
          {L('调整库存', 'Adjust stock')}
        </button>
      </form>
      <h3>{L('库存流水', 'Stock movements')}</h3>
      {log.error ? <ErrorMsg error={log.error} ctx={{ subject: 'item' }} /> : null}
      {log.data ? (
        <div class="table-wrap">
          <table class="table table-cards" data-testid="stock-movements">
            <thead>
              <tr>
                <th>{L('时间', 'When')}</th>
                <th>{L('类别', 'Kind')}</th>
                <th class="num">{L('变动', 'Change')}</th>
                <th class="num">{L('结存', 'After')}</th>
                <th>{L('经手人/说明', 'By / note')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((m) => (
                <tr key={m.id}>
                  <td data-label={L('时间', 'When')}>{formatDateTime(m.createdAt)}</td>
                  <td data-label={L('类别', 'Kind')}>{movementLabel(m.kind)}</td>
                  <td data-label={L('变动', 'Change')} class="num">
                    {m.quantity > 0 ? `+${m.quantity}` : String(m.quantity)}
                  </td>
                  <td data-label={L('结存', 'After')} class="num">
                    {String(m.stockAfter)}
                  </td>
                  <td data-label={L('经手人', 'By')}>
                    {actorLabel(m.actor, users.data)}
                    {m.note ? ` · ${m.note}` : ''}
                  </td>
                </tr>
              ))}
              {log.data.length === 0 ? (
                <tr>
                  <td colSpan={5} class="muted">
                    {L('还没有库存变动。', 'No movements yet.')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : (
        <Loading />
      )}
    </div>
  );
}

export function CatalogSection() {
  const list = useLoad((signal) => getAll<CatalogItem>('/catalog-items', signal), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'goods' | 'service_coupon'>('goods');
  const [price, setPrice] = useState('');
  const [stock, setStock] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const action = useAction();
  return (
    <>
      <Section title={L('商品与服务券', 'Goods and coupons')}>
        {list.error ? <ErrorMsg error={list.error} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <div class="table-wrap">
            <table class="table table-cards" data-testid="catalog-table">
              <thead>
                <tr>
                  <th>{L('名称', 'Name')}</th>
                  <th>{L('类别', 'Kind')}</th>
                  <th class="num">{L('积分', 'Price')}</th>
                  <th class="num">{L('库存', 'Stock')}</th>
                  <th>{L('状态', 'Status')}</th>
                  <th>{L('操作', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((it) => (
                  <ItemRow key={it.id} item={it} onChanged={list.reload} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
      {list.data && list.data.length ? (
        <Section title={L('报损、盘点与库存流水', 'Loss, counts and stock log')}>
          <StockAdjust items={list.data} onChanged={list.reload} />
        </Section>
      ) : null}
      <Section title={L('新增商品', 'New item')}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            setCreated(null);
            void action.run(async () => {
              await post('/catalog-items', {
                name: name.trim(),
                kind,
                price: price.trim(),
                stock: Number(stock),
              });
              setCreated(name.trim());
              setName('');
              setPrice('');
              setStock('');
              list.reload();
            });
          }}
        >
          <div class="grid-2">
            <Field label={L('名称', 'Name')}>
              <input
                value={name}
                onInput={(e) => setName(inputValue(e))}
                required
                maxLength={TEXT_MAX.itemName}
              />
            </Field>
            <Field label={L('类别', 'Kind')}>
              <select
                value={kind}
                onChange={(e) => setKind(inputValue(e) as 'goods' | 'service_coupon')}
              >
                <option value="goods">{L('生活用品', 'goods')}</option>
                <option value="service_coupon">
                  {L('服务券（每件发一张券码）', 'service coupon (one code per unit)')}
                </option>
              </select>
            </Field>
            <Field label={L('积分价格', 'Price in points')}>
              <input
                value={price}
                inputMode="decimal"
                onInput={(e) => setPrice(inputValue(e))}
                required
              />
            </Field>
            <Field label={L('初始库存', 'Initial stock')}>
              <input
                value={stock}
                inputMode="numeric"
                onInput={(e) => setStock(inputValue(e))}
                required
                pattern="[0-9]+"
              />
            </Field>
          </div>
          <ErrorMsg error={action.error} />
          {created ? <Msg kind="ok">{L(`已新增 ${created}。`, `Added ${created}.`)}</Msg> : null}
          <button type="submit" class="btn btn-primary" disabled={action.busy}>
            {L('新增', 'Add')}
          </button>
        </form>
      </Section>
    </>
  );
}
