import { Alert, Tag } from 'antd';
import { useI18n } from '../../app/i18n';

export interface NamedViolation {
  ruleId: string;
  message: { zh: string; en: string };
  earliestDate?: string | null;
}

/** Every rule that stops publication, named (rule id) with its legal source and the earliest legal date. */
export function ViolationsAlert({ violations, title }: { violations: NamedViolation[]; title: string }) {
  const { lang } = useI18n();
  if (violations.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="violations"
      title={title}
      description={
        <ul className="zc-violations">
          {violations.map((v, i) => (
            <li key={`${v.ruleId}-${i}`}>
              <Tag color="red" className="zc-hash">
                {v.ruleId}
              </Tag>
              {v.message[lang]}
            </li>
          ))}
        </ul>
      }
    />
  );
}
