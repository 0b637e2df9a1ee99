import { IDEMPOTENCY_KEY_HEADER, sentroyEndpoints, type SendRequest, type SendResponse } from '@contract/index';
import { useMutation } from '@tanstack/react-query';
import { uploadJson } from '@web/lib/api-client';

const endpoint = sentroyEndpoints.send;

/** "Send test": the rendered template to one address, through the normal send path (`POST /api/send`). */
export function sendTest(body: SendRequest, idempotencyKey: string): Promise<SendResponse> {
  return uploadJson(`/api${endpoint.path}`, body, {
    schema: endpoint.response,
    headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
  });
}

export function useSendTest() {
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SendRequest; idempotencyKey: string }) =>
      sendTest(body, idempotencyKey),
    meta: { errorHandling: 'local' },
  });
}
