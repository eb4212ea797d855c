import { useParams } from 'react-router';
import { NotFound } from '../../app/not-found';
import { EvaluationResultPanel } from './evaluation-result-panel';

/** /workspace/evaluation-results/:lotId — the result panel on its own (committee, host, oversight). */
export default function EvaluationResultPage() {
  const { lotId } = useParams();
  if (!lotId) return <NotFound />;
  return <EvaluationResultPanel lotId={lotId} />;
}
