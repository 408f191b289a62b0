import { useState } from 'preact/hooks';
import { getAll, patch, post } from '../api';
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
      <td>
        {editing ? (
          <input
            aria-label={L('名称', 'Name')}
            value={name}
            onInput={(e) => setName(inputValue(e))}
          />
        ) : (
          it.name
        )}
      </td>
      <td>{it.kind === 'service_coupon' ? L('服务券', 'coupon') : L('物品', 'goods')}</td>
      <td class="num">
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
      <td class="num">{String(it.stock)}</td>
      <td>{it.active === false ? L('已下架', 'inactive') : L('在售', 'active')}</td>
      <td class="actions">
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
            <table class="table" data-testid="catalog-table">
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
                maxLength={100}
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
