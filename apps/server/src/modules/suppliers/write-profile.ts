import {
  ENTERPRISE_SCALE_LABELS,
  beijingDateOf,
  checkDeclaredScale,
  classifyEnterpriseScale,
  smeDeclarationText,
} from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { organisations, smeDeclarations, supplierProfiles } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent, type Actor } from '../../platform/events/append-event';
import type { DeclarationInput, ProfileInput } from './schemas';

export interface ProfileWrite {
  organisationId: string;
  organisationName: string;
  userId: string;
  profile: ProfileInput;
  declaration: DeclarationInput;
  /** The registration was already approved: the change stays visible to the centre. */
  afterApproval: boolean;
  /** Sign-up only: the credit code failed its check and was submitted as an early pilot code. */
  usccPilot?: boolean;
}

/**
 * Derives the enterprise scale from the figures (工信部联企业〔2011〕300号), refuses a declaration that says another
 * scale, then stores the profile, the declaration text as confirmed and the scale on the organisation, with their
 * events, inside the caller's transaction. Used by sign-up and by the supplier's later changes.
 */
export async function writeProfile(tx: Tx, clock: Clock, w: ProfileWrite): Promise<void> {
  const figures = {
    industry: w.profile.industry,
    employees: w.profile.employees ?? null,
    revenueFen: w.profile.revenueFen ?? null,
    assetsFen: w.profile.assetsFen ?? null,
  };
  const derived = classifyEnterpriseScale(figures);
  // The body schema already refused missing or invalid figures; this is the same rule, kept as a guard.
  if (!derived.ok) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'body.profile', reason: derived.message }]);
  const check = checkDeclaredScale(w.declaration.declaredScale, derived.scale);
  if (!check.ok) {
    throw new AppError(
      'SME_DECLARATION_MISMATCH',
      {
        declared: ENTERPRISE_SCALE_LABELS[w.declaration.declaredScale].zh,
        derived: ENTERPRISE_SCALE_LABELS[derived.scale].zh,
      },
      [{ field: 'body.declaration.declaredScale', reason: check.message }],
    );
  }
  const now = clock.now();
  const values = {
    organisationId: w.organisationId,
    ...figures,
    derivedScale: derived.scale,
    scaleWorking: derived.message,
    updatedAt: now,
    updatedBy: w.userId,
  };
  const insert = tx.insert(supplierProfiles).values({
    ...values,
    usccPilot: w.usccPilot ?? false,
    changedAfterApprovalAt: w.afterApproval ? now : null,
  });
  await insert.onConflictDoUpdate({
    target: supplierProfiles.organisationId,
    set: { ...values, ...(w.afterApproval ? { changedAfterApprovalAt: now } : {}) },
  });
  await tx
    .update(organisations)
    .set({ scale: derived.scale, updatedAt: now })
    .where(eq(organisations.id, w.organisationId));
  const text = smeDeclarationText({
    ...figures,
    supplierName: w.organisationName,
    scale: derived.scale,
    date: beijingDateOf(now),
  });
  const [declaration] = await tx
    .insert(smeDeclarations)
    .values({
      organisationId: w.organisationId,
      declaredScale: w.declaration.declaredScale,
      text,
      declaredAt: now,
      declaredBy: w.userId,
    })
    .returning({ id: smeDeclarations.id });
  if (!declaration) throw new Error('insert returned nothing');

  const actor: Actor = { userId: w.userId, organisationId: w.organisationId };
  const common = {
    actor,
    subject: { type: 'organisation', id: w.organisationId },
    audience: { kind: 'organisation', organisationId: w.organisationId } as const,
  };
  await appendEvent(tx, clock, {
    type: 'supplier.profile_set',
    payload: {
      organisationId: w.organisationId,
      ...figures,
      derivedScale: derived.scale,
      afterApproval: w.afterApproval,
    },
    ...common,
  });
  await appendEvent(tx, clock, {
    type: 'supplier.sme_declared',
    payload: {
      organisationId: w.organisationId,
      declarationId: declaration.id,
      declaredScale: w.declaration.declaredScale,
      text,
    },
    ...common,
  });
}
