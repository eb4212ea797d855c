/**
 * The demo city's expert pool (C1, C11): sixteen experts with varied specialties and regions — the city itself,
 * other cities of the province (remote evaluation, 远程异地评标) and one outside it — so that the demo tenders can be
 * drawn. Some are employed by a demo purchaser or supplier, and one declared a conflict with the demo agency, so that
 * avoidance shows on the draw record.
 */
export interface DemoExpert {
  login: string;
  name: string;
  title: string;
  /** A demo organisation's `key` (its name and credit code are used), or a name of an outside employer. */
  employer: { key: string } | { name: string };
  region: string;
  specialties: string[];
  /** Conflicts declared with demo organisations (by key), with the reason. */
  conflicts?: { key: string; reason: string }[];
}

export const DEMO_EXPERTS: DemoExpert[] = [
  {
    login: 'expert01',
    name: '王建国',
    title: '高级工程师',
    employer: { name: '六盘水师范学院' },
    region: '六盘水市',
    specialties: ['A0201', 'A0202'],
  },
  {
    login: 'expert02',
    name: '李秀英',
    title: '教授',
    employer: { name: '贵州大学' },
    region: '贵阳市',
    specialties: ['A0201', 'A0320'],
  },
  {
    login: 'expert03',
    name: '张伟',
    title: '高级工程师',
    employer: { key: 's1' },
    region: '六盘水市',
    specialties: ['A0201'],
  },
  {
    login: 'expert04',
    name: '刘洋',
    title: '工程师',
    employer: { key: 'edu' },
    region: '六盘水市',
    specialties: ['A0201', 'C02'],
  },
  {
    login: 'expert05',
    name: '陈静',
    title: '主任医师',
    employer: { name: '遵义医科大学附属医院' },
    region: '遵义市',
    specialties: ['A0320', 'C23'],
  },
  {
    login: 'expert06',
    name: '杨帆',
    title: '高级会计师',
    employer: { name: '贵州财经大学' },
    region: '贵阳市',
    specialties: ['C16', 'C21'],
  },
  {
    login: 'expert07',
    name: '赵磊',
    title: '高级工程师',
    employer: { name: '中国电信股份有限公司六盘水分公司' },
    region: '六盘水市',
    specialties: ['A0201'],
  },
  {
    login: 'expert08',
    name: '黄丽',
    title: '副主任医师',
    employer: { key: 'hospital' },
    region: '六盘水市',
    specialties: ['A0320', 'C23'],
  },
  {
    login: 'expert09',
    name: '周志强',
    title: '教授级高级工程师',
    employer: { name: '贵州理工学院' },
    region: '贵阳市',
    specialties: ['A0201', 'A0320'],
  },
  {
    login: 'expert10',
    name: '吴敏',
    title: '高级工程师',
    employer: { name: '安顺学院' },
    region: '安顺市',
    specialties: ['A0201'],
    conflicts: [{ key: 'agency', reason: '近三年曾在该代理机构兼职' }],
  },
  {
    login: 'expert11',
    name: '徐涛',
    title: '高级工程师',
    employer: { name: '毕节市大数据发展中心' },
    region: '毕节市',
    specialties: ['A0201', 'C16'],
  },
  {
    login: 'expert12',
    name: '孙倩',
    title: '副研究员',
    employer: { name: '曲靖师范学院' },
    region: '曲靖市',
    specialties: ['A0201'],
  },
  {
    login: 'expert13',
    name: '马骏',
    title: '高级工程师',
    employer: { name: '铜仁学院' },
    region: '铜仁市',
    specialties: ['A0201', 'A0320'],
  },
  {
    login: 'expert14',
    name: '胡蓉',
    title: '教授',
    employer: { name: '贵州医科大学' },
    region: '贵阳市',
    specialties: ['A0320', 'C23'],
  },
  {
    login: 'expert15',
    name: '郭斌',
    title: '高级工程师',
    employer: { name: '黔南民族师范学院' },
    region: '都匀市',
    specialties: ['A0201', 'A0320'],
  },
  {
    login: 'expert16',
    name: '罗娟',
    title: '高级工程师',
    employer: { name: '昆明理工大学' },
    region: '昆明市',
    specialties: ['A0201', 'A0320', 'C16'],
  },
];
