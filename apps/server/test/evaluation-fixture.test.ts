import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeMembers } from '../src/modules/evaluations/repo';
import { evaluationFixture } from './support/evaluation-fixture';
import { createTestApp, type TestApp } from './support/test-app';

describe('evaluation fixture', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  it('leaves a lot with a published opening, four decrypted bids and a confirmed committee of five', async () => {
    const f = await evaluationFixture(t);
    expect(f.bidders).toHaveLength(4);
    expect(f.experts).toHaveLength(5);
    const members = await t.services.db.transaction((tx) => committeeMembers(tx, f.lotId));
    expect(members.map((m) => m.userId)).toEqual(f.experts);
    expect(f.experts).not.toContain(f.outsiderExpertUserId);
  });
});
