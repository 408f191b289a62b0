import { useState } from 'preact/hooks';
import { get, getAll, itemsOf, patch, post } from '../api';
import { loadUsers } from '../endpoints';
import { actorLabel, formatDateTime } from '../format';
import { L } from '../i18n';
import { toCents } from '../points';
import type { CatalogItem } from '../types';
import { Section, useLoad } from '../ui/components';
import { ActionButton, Fields, Form, useForm } from '../ui/form';
import { TEXT_MAX } from '../limits';
import { List } from '../ui/list';

function ItemRow(props: { item: CatalogItem; onChanged: () => void }) {
  const it = props.item;
  const [editing, setEditing] = useState(false);
  const form = useForm({ name: it.name, price: it.price, restock: '', note: '' });
  const { name, price } = form.values;
  return (
    <tr class={it.active === false ? 'inactive' : ''}>
      <td data-label={L('名称', 'Name')}>
        {editing ? (
          <Fields
            form={form}
            fields={[
              { key: 'name', bare: true, label: L('名称', 'Name'), maxLength: TEXT_MAX.itemName },
            ]}
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
          <Fields
            form={form}
            fields={[
              {
                key: 'price',
                bare: true,
                label: L('积分价格', 'Price'),
                class: 'qty',
                inputMode: 'decimal',
              },
            ]}
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
            <ActionButton
              action={form}
              class="btn btn-primary btn-small"
              disabled={toCents(price) === null}
              onClick={async () => {
                await patch(`/catalog-items/${it.id}`, { name: name.trim(), price: price.trim() });
                setEditing(false);
                props.onChanged();
              }}
            >
              {L('保存', 'Save')}
            </ActionButton>
            <button type="button" class="btn-link" onClick={() => setEditing(false)}>
              {L('取消', 'Cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="btn-link" onClick={() => setEditing(true)}>
            {L('改名/改价', 'Edit')}
          </button>
        )}
        <ActionButton
          action={form}
          onClick={async () => {
            await patch(`/catalog-items/${it.id}`, { active: it.active === false });
            props.onChanged();
          }}
        >
          {it.active === false ? L('重新上架', 'Activate') : L('下架', 'Deactivate')}
        </ActionButton>
        <Form
          form={form}
          inline
          messagesBelow
          ctx={{ subject: 'item' }}
          fields={[
            {
              key: 'restock',
              bare: true,
              class: 'qty',
              inputMode: 'numeric',
              label: L('补货数量', 'Restock quantity'),
              placeholder: L('数量', 'qty'),
            },
            {
              key: 'note',
              bare: true,
              label: L('补货说明', 'Restock note'),
              placeholder: L('说明', 'note'),
              maxLength: TEXT_MAX.note,
            },
          ]}
          submit={L('补货', 'Restock')}
          submitClass="btn-secondary btn-small"
          reset
          keep={['name', 'price']}
          onSubmit={async (v) => {
            const n = Number(v.restock);
            if (!Number.isInteger(n) || n <= 0) {
              return;
            }
            await post(`/catalog-items/${it.id}/restock`, {
              quantity: n,
              ...(v.note.trim() ? { note: v.note.trim() } : {}),
            });
            props.onChanged();
            return true;
          }}
        />
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
  const form = useForm({
    itemId: String(props.items[0]?.id ?? ''),
    direction: 'loss',
    qty: '',
    reason: '',
  });
  const { itemId, qty, reason } = form.values;
  const item = props.items.find((i) => String(i.id) === itemId);
  const log = useLoad(
    (signal) =>
      itemId === ''
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
      <Form
        form={form}
        ctx={{ subject: 'item' }}
        doneTestId="stock-adjusted"
        fields={[
          {
            key: 'itemId',
            name: 'adjustItem',
            label: L('物品', 'Item'),
            options: props.items.map((i) => [
              String(i.id),
              `${i.name}（${L('库存', 'stock')} ${String(i.stock)}）`,
            ]),
          },
          {
            key: 'direction',
            name: 'adjustDirection',
            label: L('调整', 'Change'),
            options: [
              ['loss', L('报损（丢失、破损、过期）', 'Loss or breakage')],
              ['found', L('盘盈（清点时多出）', 'Found in a count')],
            ],
          },
          {
            key: 'qty',
            name: 'adjustQty',
            inputMode: 'numeric',
            label: L('数量（件）', 'Quantity'),
          },
          {
            key: 'reason',
            name: 'adjustReason',
            maxLength: TEXT_MAX.reason,
            label: L('原因', 'Reason'),
          },
        ]}
        submit={L('调整库存', 'Adjust stock')}
        submitClass="btn-secondary"
        disabled={!valid}
        reset
        keep={['itemId', 'direction']}
        onSubmit={async (v) => {
          if (!item || !valid) {
            return;
          }
          const loss = v.direction === 'loss';
          const sentence = loss
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
          await post(`/catalog-items/${item.id}/stock-adjustments`, {
            quantity: loss ? -n : n,
            reason: reason.trim(),
          });
          props.onChanged();
          log.reload();
          return L(`已调整：${item.name}。`, `Adjusted: ${item.name}.`);
        }}
      />
      <h3>{L('库存流水', 'Stock movements')}</h3>
      <List
        load={log}
        ctx={{ subject: 'item' }}
        testId="stock-movements"
        columns={[
          L('时间', 'When'),
          L('类别', 'Kind'),
          { label: L('变动', 'Change'), num: true },
          { label: L('结存', 'After'), num: true },
          L('经手人/说明', 'By / note'),
        ]}
        empty={L('还没有库存变动。', 'No movements yet.')}
        row={(m) => (
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
        )}
      />
    </div>
  );
}

export function CatalogSection() {
  const list = useLoad((signal) => getAll<CatalogItem>('/catalog-items', signal), []);
  const form = useForm({
    name: '',
    kind: 'goods',
    price: '',
    stock: '',
  });
  return (
    <>
      <Section title={L('商品与服务券', 'Goods and coupons')}>
        <List
          load={list}
          testId="catalog-table"
          columns={[
            L('名称', 'Name'),
            L('类别', 'Kind'),
            { label: L('积分', 'Price'), num: true },
            { label: L('库存', 'Stock'), num: true },
            L('状态', 'Status'),
            L('操作', 'Actions'),
          ]}
          row={(it) => <ItemRow key={it.id} item={it} onChanged={list.reload} />}
        />
      </Section>
      {list.data && list.data.length ? (
        <Section title={L('报损、盘点与库存流水', 'Loss, counts and stock log')}>
          <StockAdjust items={list.data} onChanged={list.reload} />
        </Section>
      ) : null}
      <Section title={L('新增商品', 'New item')}>
        <Form
          form={form}
          fields={[
            { key: 'name', required: true, maxLength: TEXT_MAX.itemName, label: L('名称', 'Name') },
            {
              key: 'kind',
              label: L('类别', 'Kind'),
              options: [
                ['goods', L('生活用品', 'goods')],
                [
                  'service_coupon',
                  L('服务券（每件发一张券码）', 'service coupon (one code per unit)'),
                ],
              ],
            },
            {
              key: 'price',
              inputMode: 'decimal',
              required: true,
              label: L('积分价格', 'Price in points'),
            },
            {
              key: 'stock',
              inputMode: 'numeric',
              required: true,
              pattern: '[0-9]+',
              label: L('初始库存', 'Initial stock'),
            },
          ]}
          submit={L('新增', 'Add')}
          reset
          keep={['kind']}
          onSubmit={async (v) => {
            await post('/catalog-items', {
              name: v.name.trim(),
              kind: v.kind,
              price: v.price.trim(),
              stock: Number(v.stock),
            });
            list.reload();
            return L(`已新增 ${v.name.trim()}。`, `Added ${v.name.trim()}.`);
          }}
        />
      </Section>
    </>
  );
}
