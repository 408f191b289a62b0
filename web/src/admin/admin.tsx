import { L } from '../i18n';
import { Link } from '../ui/components';
import { MembersSection } from './members';
import { TeamsSection } from './teams';
import { HouseholdsSection } from './households';
import { UsersSection } from './users';
import { CatalogSection } from './catalog';
import { WindowsSection } from './windows';
import { ApprovalsSection } from './approvals';
import { PassbookSection } from './passbook';
import { RatingsSection } from './ratings';
import { ReportSection } from './report';
import { LedgerSection } from './ledger';
import { StaffWishesSection } from '../pages/wishes';

const SECTIONS = [
  { slug: 'members', label: () => L('志愿者', 'Volunteers') },
  { slug: 'passbook', label: () => L('存折与冲正', 'Passbooks & reversals') },
  { slug: 'teams', label: () => L('服务队', 'Teams') },
  { slug: 'households', label: () => L('困难家庭', 'Households') },
  { slug: 'wishes', label: () => L('微心愿', 'Wishes') },
  { slug: 'users', label: () => L('工作人员', 'Staff users') },
  { slug: 'catalog', label: () => L('商品与库存', 'Catalog & stock') },
  { slug: 'windows', label: () => L('兑换期', 'Windows') },
  { slug: 'approvals', label: () => L('审核', 'Approvals') },
  { slug: 'ratings', label: () => L('评星', 'Star ratings') },
  { slug: 'report', label: () => L('报表', 'Reports') },
  { slug: 'ledger', label: () => L('账本核对', 'Ledger check') },
] as const;

type Slug = (typeof SECTIONS)[number]['slug'];

function Body(props: { slug: Slug; rest: string[] }) {
  switch (props.slug) {
    case 'members':
      return <MembersSection />;
    case 'passbook':
      return <PassbookSection passbookNo={props.rest[0]} />;
    case 'teams':
      return <TeamsSection />;
    case 'households':
      return <HouseholdsSection />;
    case 'wishes':
      return <StaffWishesSection />;
    case 'users':
      return <UsersSection />;
    case 'catalog':
      return <CatalogSection />;
    case 'windows':
      return <WindowsSection />;
    case 'approvals':
      return <ApprovalsSection />;
    case 'ratings':
      return <RatingsSection year={props.rest[0]} />;
    case 'report':
      return <ReportSection />;
    case 'ledger':
      return <LedgerSection />;
  }
}

/** The community administrator's pages: /admin/<section>/<argument>. */
export function AdminPage(props: { path: string }) {
  const [, , slugText = 'members', ...rest] = props.path.split('/');
  const slug: Slug = SECTIONS.find((s) => s.slug === slugText)?.slug ?? 'members';
  return (
    <main class="page page-wide admin" data-testid="admin-page">
      <nav class="admin-nav no-print" aria-label={L('管理功能', 'Admin sections')}>
        {SECTIONS.map((s) => (
          <Link key={s.slug} href={`/admin/${s.slug}`} class={s.slug === slug ? 'active' : ''}>
            {s.label()}
          </Link>
        ))}
      </nav>
      <div class="admin-body">
        <Body slug={slug} rest={rest.map((r) => decodeURIComponent(r))} />
      </div>
    </main>
  );
}
