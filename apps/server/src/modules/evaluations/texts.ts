import { MIN_BIDS_FOR_EVALUATION, type EvaluationState } from '@zhengcai/domain';

type Text = { zh: string; en: string };

/** The stages by their names on paper. */
export const STATE_TEXT: Record<EvaluationState, Text> = {
  qualification: { zh: '资格审查', en: 'qualification review' },
  compliance: { zh: '符合性审查', en: 'compliance review' },
  scoring: { zh: '详细评审', en: 'detailed evaluation (scoring)' },
  computed: { zh: '评审结果汇总', en: 'result computed' },
  signing: { zh: '评审报告签署', en: 'report signing' },
  reported: { zh: '评审报告已提交采购人', en: 'report sent to the purchaser' },
  confirmed: { zh: '采购人已确认', en: 'confirmed by the purchaser' },
  published: { zh: '结果已公告', en: 'result published' },
  failed: { zh: '废标', en: 'failed' },
};

/** What the caller tried, for EVALUATION_STAGE_CLOSED. */
export const ACTION_TEXT = {
  qualify: { zh: '进行资格审查', en: 'the qualification review' },
  finishQualification: { zh: '结束资格审查', en: 'ending the qualification review' },
  comply: { zh: '进行符合性审查', en: 'the compliance review' },
  vote: { zh: '推选评审组长', en: 'voting for the leader' },
  score: { zh: '评分', en: 'scoring' },
  reopen: { zh: '退回评分', en: 'returning scores' },
} as const satisfies Record<string, Text>;

export type EvaluationAction = keyof typeof ACTION_TEXT;

export function stageClosedParams(state: EvaluationState, action: EvaluationAction) {
  return {
    stateZh: STATE_TEXT[state].zh,
    stateEn: STATE_TEXT[state].en,
    actionZh: ACTION_TEXT[action].zh,
    actionEn: ACTION_TEXT[action].en,
  };
}

/** Why the lot failed (废标) after a review left fewer than MIN_BIDS_FOR_EVALUATION bids (政府采购法 第三十六条). */
export function failureReasonAfter(stage: 'qualification' | 'compliance', remaining: number): Text {
  const review = stage === 'qualification' ? STATE_TEXT.qualification : STATE_TEXT.compliance;
  return {
    zh: `通过${review.zh}的投标人不足${MIN_BIDS_FOR_EVALUATION}家（${remaining} 家），依照《中华人民共和国政府采购法》第三十六条第一款第（一）项，本包废标`,
    en: `Fewer than ${MIN_BIDS_FOR_EVALUATION} bidders passed the ${review.en} (${remaining}): the lot fails (Government Procurement Law, art. 36(1)(i))`,
  };
}
