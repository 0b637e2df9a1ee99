import { IDEMPOTENCY_KEY_HEADER, sentroyEndpoints, type SendRequest, type SendResponse } from '@contract/index';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadJson, type UploadProgress } from '@web/lib/api-client';

const endpoint = sentroyEndpoints.send;

export interface SendMessageInput {
  body: SendRequest;
  idempotencyKey: string;
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** `POST /api/send` with upload progress (a message with attachments can be 27 MB of JSON) and the draft's key. */
export function sendMessage({ body, idempotencyKey, onUploadProgress }: SendMessageInput): Promise<SendResponse> {
  return uploadJson(`/api${endpoint.path}`, body, {
    schema: endpoint.response,
    headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    onUploadProgress,
  });
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendMessage,
    // The form shows the failure next to the fields it concerns.
    meta: { errorHandling: 'local' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['send-log'] }),
  });
}
