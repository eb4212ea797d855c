import { VideoCameraOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

export interface HallLot {
  id: string;
  number: number;
}

/** The address of a lot's opening hall (public; the page says when it has not opened yet). */
export function hallPath(lotId: string): string {
  return `/openings/${lotId}`;
}

/** A link to one lot's opening hall. */
export function HallLink({ lot, block = false }: { lot: HallLot; block?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to={hallPath(lot.id)} data-testid={`hall-link-${lot.number}`}>
      <Button icon={<VideoCameraOutlined />} block={block}>
        {t('opening.linkLot', { number: lot.number })}
      </Button>
    </Link>
  );
}

/** Links to every lot's hall. Given the lots, or (a supplier's tender page, whose view has no lot ids) loaded. */
export function HallLinks(props: { lots?: HallLot[]; projectId?: string }) {
  const [loaded, setLoaded] = useState<HallLot[]>([]);
  const { projectId, lots } = props;
  useEffect(() => {
    if (lots || !projectId) return;
    let live = true;
    void api.GET('/api/bids/projects/{id}', { params: { path: { id: projectId } } }).then((res) => {
      if (live && res.data) setLoaded(res.data.lots.map((l) => ({ id: l.id, number: l.number })));
    });
    return () => {
      live = false;
    };
  }, [lots, projectId]);
  const shown = lots ?? loaded;
  if (shown.length === 0) return null;
  return (
    <Space wrap data-testid="hall-links">
      {shown.map((lot) => (
        <HallLink key={lot.id} lot={lot} />
      ))}
    </Space>
  );
}
