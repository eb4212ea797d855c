import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { recoveryShareFor, releaseRecoveryShare } from './recover-bid';
import { bidParams } from './schemas';

const anyUser = { roles: 'any' } as const;
const tags = ['opening'];

const hex = (max: number) =>
  z
    .string()
    .min(2)
    .max(max)
    .refine((v) => /^(?:[0-9a-f]{2})+$/.test(v), {
      params: { zh: '须为小写十六进制', en: 'Must be lower-case hex' },
    });

/** A released share: the Shamir share the holder opened in its browser (key length + 1 bytes), and why. */
export const recoveryShareBody = z.object({
  share: hex(130),
  reason: z.string().trim().min(2).max(500),
});

export const recoveryShareView = z.object({
  holderId: z.string(),
  context: z.object({ projectId: z.string(), lotId: z.string(), bidderId: z.string(), nonce: z.string() }),
  /** The bid's escrow (seal KeyEscrow) with the caller's own share only: give it to `openEscrowShare`. */
  escrow: z.object({
    scheme: z.string(),
    suite: z.enum(['gm', 'intl']),
    threshold: z.number().int(),
    keyCommitment: z.string(),
    shares: z.array(
      z.object({
        holderId: z.string(),
        publicKey: z.string(),
        wrappedKey: z.string(),
        sealedShare: z.string(),
        shareCheck: z.string(),
      }),
    ),
  }),
  bidState: z.string(),
  threshold: z.number().int(),
  released: z.number().int(),
  releasedByMe: z.boolean(),
});

export const recoveryOutcomeView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting'), released: z.number().int(), threshold: z.number().int() }),
  z.object({
    state: z.literal('decrypted'),
    readOutSeq: z.number().int(),
    released: z.number().int(),
    threshold: z.number().int(),
  }),
  z.object({
    state: z.literal('invalid'),
    reason: z.string(),
    released: z.number().int(),
    threshold: z.number().int(),
  }),
]);

/** Emergency recovery in the hall (ADR 0015, 0016): the bid's key holders, and nobody else. */
export const recoveryRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/openings/:lotId/bids/:submissionId/recovery-share',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary:
          '密钥保管人取得本人的托管份额（在浏览器中打开） / A key holder gets its own escrow share (to open in the browser)',
        description: '404 for anyone who is not a key holder of this bid, and for a bid without escrow.',
        params: bidParams,
        response: { 200: recoveryShareView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      recoveryShareFor(s, requireUser(request.viewer), request.params.lotId, request.params.submissionId),
  );

  app.post(
    '/api/openings/:lotId/bids/:submissionId/recovery-shares',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary:
          '密钥保管人释放恢复份额（记录在案；满 k 份即恢复密钥并解密） / A key holder releases its share on the record (k shares open the bid)',
        description:
          'While the hall decrypts, for a bid still sealed. The share is checked against the escrow (this bid, this holder) before anything is recorded. When k holders have released, the key is recombined, checked against the commitment, and the bid is opened with `opened_via = recovery`; the shares are deleted in that transaction.',
        params: bidParams,
        body: recoveryShareBody,
        response: { 200: recoveryOutcomeView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      releaseRecoveryShare(
        s,
        requireUser(request.viewer),
        request.params.lotId,
        request.params.submissionId,
        request.body,
      ),
  );
};
