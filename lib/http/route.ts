import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { checkSameOrigin } from "@/lib/security/origin";
import { sweepAfterResponse } from "@/lib/sweeper/after-requests";

/**
 * Wraps a route handler so that every failure leaves as the one error shape, so that no
 * state-changing request from another website's page reaches it (see checkSameOrigin), and so
 * that on serverless hosts any request can sweep the ledger once answered (after-requests.ts).
 */
export function route<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      const [request] = args;
      if (request instanceof Request) checkSameOrigin(request, env.APP_ORIGIN);
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    } finally {
      sweepAfterResponse();
    }
  };
}
