import { App } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { errorText, type ApiError } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import type { EvaluationView } from './types';

type Answer = { data?: EvaluationView; error?: ApiError };

/**
 * A lot's evaluation for a page or card: the view (null when the caller may not see it), and `act`, which runs one
 * call answering with the new view, shows its error (in the reader's language) and keeps the answer.
 */
export function useEvaluation(lotId: string) {
  const { lang } = useI18n();
  const { message } = App.useApp();
  const load = useCallback(async () => {
    const { data } = await api.GET('/api/lots/{lotId}/evaluation', { params: { path: { lotId } } });
    return data ?? null;
  }, [lotId]);
  const { data: loaded, reload } = useLoader(load);
  const [fresh, setFresh] = useState<EvaluationView | null>(null);
  const [busy, setBusy] = useState(false);
  const view = fresh?.lotId === lotId ? fresh : loaded;

  const act = useCallback(
    async (call: () => Promise<Answer>, done?: string): Promise<ApiError | null> => {
      setBusy(true);
      const { data, error } = await call();
      setBusy(false);
      if (error) {
        void message.error(errorText(error, lang), 8);
        return error;
      }
      if (data) setFresh(data);
      if (done) void message.success(done);
      return null;
    },
    [lang, message],
  );
  return { view, busy, act, reload };
}

export const lotPath = (lotId: string) => ({ params: { path: { lotId } } });
export const bidPath = (lotId: string, submissionId: string) => ({ params: { path: { lotId, submissionId } } });
