import { Typography } from 'antd';

const HEADING = /^(项目概况|[一二三四五六七八九十]+、)/;

/**
 * A published notice's text as it was published: headings (项目概况, 一、…) as titles, indented lines (a lot's
 * details) indented, everything else as paragraphs. The text itself is never changed.
 */
export function NoticeBody({ body }: { body: string }) {
  const blocks = body.split('\n');
  return (
    <div className="zc-notice-body" data-testid="notice-body">
      {blocks.map((line, i) => {
        if (line.trim() === '') return null;
        if (HEADING.test(line))
          return (
            <Typography.Title level={5} key={i} className="zc-notice-heading">
              {line}
            </Typography.Title>
          );
        return (
          <p key={i} className={line.startsWith('  ') ? 'zc-notice-indent' : undefined}>
            {line.trim()}
          </p>
        );
      })}
    </div>
  );
}
