import { buildUscc, type EnterpriseScale, type OrganisationKind, type Role } from '@zhengcai/domain';
import { DEMO_EXPERTS } from './demo-experts-data';

/** The demo password of every demo account (README lists the logins). Never use the demo seed in production. */
export const DEMO_PASSWORD = 'Zhengcai2026';

export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  uscc: string | null;
  scale: EnterpriseScale | null;
  region: string;
}

export interface DemoUser {
  login: string;
  displayName: string;
  role: Role;
  /** `key` of the organisation, or null for experts. */
  organisation: string | null;
}

// Division codes (GB/T 2260): 520200 六盘水市, 520201 钟山区, 520221 水城区 (was 水城县), 520281 盘州市, 520100 贵阳市.
const code = (authority: string, division: string, body: string) => buildUscc(authority, division, body);

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'centre',
    kind: 'centre',
    name: '六盘水市公共资源交易中心',
    uscc: code('12', '520200', 'MB1C2Q07'),
    scale: null,
    region: '六盘水市',
  },
  {
    key: 'edu',
    kind: 'purchaser',
    name: '六盘水市教育局',
    uscc: code('11', '520200', '00931845'),
    scale: null,
    region: '六盘水市',
  },
  {
    key: 'hospital',
    kind: 'purchaser',
    name: '六盘水市人民医院',
    uscc: code('12', '520200', '42990317'),
    scale: null,
    region: '六盘水市',
  },
  {
    key: 'agency',
    kind: 'agency',
    name: '贵州黔诚工程项目管理咨询有限公司',
    uscc: code('91', '520201', 'MA6DKT2R'),
    scale: 'small',
    region: '六盘水市',
  },
  {
    key: 's1',
    kind: 'supplier',
    name: '贵州凉都信息技术有限公司',
    uscc: code('91', '520201', 'MA6E1F3N'),
    scale: 'medium',
    region: '六盘水市',
  },
  {
    key: 's2',
    kind: 'supplier',
    name: '六盘水鸿达办公设备有限公司',
    uscc: code('91', '520201', '32771649'),
    scale: 'small',
    region: '六盘水市',
  },
  {
    key: 's3',
    kind: 'supplier',
    name: '水城区智联网络科技有限公司',
    uscc: code('91', '520221', 'MA7G4L8P'),
    scale: 'micro',
    region: '六盘水市',
  },
  {
    key: 's4',
    kind: 'supplier',
    name: '贵州黔通建设工程有限公司',
    uscc: code('91', '520100', '21440872'),
    scale: 'large',
    region: '贵阳市',
  },
  {
    key: 's5',
    kind: 'supplier',
    name: '六盘水绿源物业服务有限公司',
    uscc: code('91', '520201', 'MA6H9K2W'),
    scale: 'small',
    region: '六盘水市',
  },
  {
    key: 's6',
    kind: 'supplier',
    name: '盘州市康泰医疗器械经营部',
    uscc: code('92', '520281', 'MA6J5R1X'),
    scale: 'micro',
    region: '六盘水市',
  },
  {
    key: 'supervisor',
    kind: 'supervisor',
    name: '六盘水市财政局政府采购监督管理科',
    uscc: code('11', '520200', '00931642'),
    scale: null,
    region: '六盘水市',
  },
  {
    key: 'bank',
    kind: 'finance',
    name: '贵州银行股份有限公司六盘水分行',
    uscc: code('91', '520200', '58419630'),
    scale: 'large',
    region: '六盘水市',
  },
];

export const DEMO_USERS: DemoUser[] = [
  { login: 'admin', displayName: '平台管理员', role: 'admin', organisation: 'centre' },
  { login: 'centre', displayName: '交易中心 罗敏', role: 'centre', organisation: 'centre' },
  { login: 'purchaser1', displayName: '教育局 采购员 陈亮', role: 'purchaser', organisation: 'edu' },
  { login: 'purchaser2', displayName: '人民医院 采购员 何芳', role: 'purchaser', organisation: 'hospital' },
  { login: 'agency', displayName: '代理机构 项目经理 龙飞', role: 'agency', organisation: 'agency' },
  ...(['s1', 's2', 's3', 's4', 's5', 's6'] as const).map((key, i) => ({
    login: `supplier${i + 1}`,
    displayName: `投标专员 ${['杨明', '田甜', '吴刚', '谢军', '邓丽', '罗强'][i] ?? ''}`,
    role: 'supplier' as const,
    organisation: key,
  })),
  ...DEMO_EXPERTS.map((e) => ({ login: e.login, displayName: e.name, role: 'expert' as const, organisation: null })),
  { login: 'supervisor', displayName: '财政局 监管员 张华', role: 'supervisor', organisation: 'supervisor' },
  { login: 'bank', displayName: '贵州银行 客户经理 石磊', role: 'finance', organisation: 'bank' },
];
