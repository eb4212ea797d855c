import {
  TrophyOutlined,
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  ProjectOutlined,
  FileSearchOutlined,
  StopOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FormOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Me } from './auth';
import type { MessageKey } from './messages-zh';

interface Entry {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  /** Shown only when the server says the caller may (abilities in /api/me) or for these roles. */
  when: (me: Me) => boolean;
}

const ENTRIES: Entry[] = [
  { path: 'overview', label: 'menu.overview', icon: <DashboardOutlined />, when: () => true },
  {
    path: 'projects',
    label: 'menu.projects',
    icon: <ProjectOutlined />,
    when: (me) => me.user.role === 'purchaser' || me.user.role === 'agency',
  },
  { path: 'expert', label: 'menu.expertProfile', icon: <SolutionOutlined />, when: (me) => me.user.role === 'expert' },
  { path: 'invitations', label: 'menu.invitations', icon: <MailOutlined />, when: (me) => me.user.role === 'expert' },
  {
    path: 'evaluations',
    label: 'menu.evaluations',
    icon: <FormOutlined />,
    when: (me) => me.user.role === 'expert',
  },
  { path: 'tenders', label: 'menu.tenders', icon: <FileSearchOutlined />, when: (me) => me.user.role === 'supplier' },
  {
    path: 'evaluation-queries',
    label: 'menu.evaluationQueries',
    icon: <AuditOutlined />,
    when: (me) => me.user.role === 'supplier',
  },
  {
    path: 'consortium-requests',
    label: 'menu.consortiumRequests',
    icon: <ApartmentOutlined />,
    when: (me) => me.user.role === 'supplier',
  },
  {
    path: 'award-letters',
    label: 'menu.awardLetters',
    icon: <TrophyOutlined />,
    when: (me) => me.user.role === 'supplier',
  },
  {
    path: 'recordings',
    label: 'menu.recordings',
    icon: <VideoCameraOutlined />,
    when: (me) => me.user.role === 'agency' || me.user.role === 'purchaser' || me.abilities.watchRecordings,
  },
  {
    path: 'transaction-certificates',
    label: 'menu.transactionCertificates',
    icon: <FileProtectOutlined />,
    when: (me) => me.abilities.listTransactionCertificates,
  },
  {
    path: 'expert-draws',
    label: 'menu.expertDraws',
    icon: <ClusterOutlined />,
    when: (me) => me.abilities.verifyExpertDraws,
  },
  { path: 'barred', label: 'menu.barred', icon: <StopOutlined />, when: (me) => me.user.role === 'supervisor' },
  {
    path: 'supplier-profile',
    label: 'menu.supplierProfile',
    icon: <ShopOutlined />,
    when: (me) => me.user.role === 'supplier',
  },
  {
    path: 'registrations',
    label: 'menu.registrations',
    icon: <AuditOutlined />,
    when: (me) => me.abilities.reviewRegistrations,
  },
  { path: 'accounts', label: 'menu.accounts', icon: <TeamOutlined />, when: (me) => me.abilities.manageAccounts },
  {
    path: 'ledger',
    label: 'menu.ledger',
    icon: <SafetyCertificateOutlined />,
    when: (me) => me.abilities.verifyLedger,
  },
  { path: 'certificates', label: 'menu.certificates', icon: <IdcardOutlined />, when: () => true },
  { path: 'tokens', label: 'menu.tokens', icon: <KeyOutlined />, when: () => true },
  { path: 'password', label: 'menu.password', icon: <LockOutlined />, when: () => true },
];

/** The workspace navigation for the caller: only pages whose actions the server will accept. */
export function workspaceMenu(me: Me, t: (key: MessageKey) => string): NonNullable<MenuProps['items']> {
  return ENTRIES.filter((e) => e.when(me)).map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) }));
}
