import { IDEMPOTENCY_KEY_HEADER, sentroyEndpoints, type SendRequest, type SendResponse } from '@contract/index';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadJson, type UploadProgress } from '@web/lib/api-client';

const endpoint = sentroyEndpoints.send;

export interface SendMessageInput {
  body: SendRequest;
  idempotencyKey: string;
  onUploadProgress?: (progress: UploadProgress) => void;
}

/**
 * The request as JSON in a Blob: the attachments' base64 (which needs no JSON escaping) goes in as separate parts, so
 * the page never builds, copies and encodes one 27 MB string on the main thread.
 */
export function sendRequestBlob(body: SendRequest): Blob {
  return jsonWithAttachmentsBlob(body);
}

/** Any JSON body with base64 `attachments` (a send, a draft) as a Blob assembled from parts. */
export function jsonWithAttachmentsBlob(body: { attachments?: { content: string }[] }): Blob {
  const attachments = body.attachments ?? [];
  const marker = (i: number) => `__attachment_content_${i}__`;
  const json = JSON.stringify({
    ...body,
    ...(attachments.length > 0 ? { attachments: attachments.map((a, i) => ({ ...a, content: marker(i) })) } : {}),
  });
  const parts: BlobPart[] = [];
  let rest = json;
  attachments.forEach((attachment, i) => {
    const [before, after = ''] = rest.split(`"${marker(i)}"`);
    parts.push(before ?? '', '"', attachment.content, '"');
    rest = after;
  });
  parts.push(rest);
  return new Blob(parts, { type: 'application/json' });
}

/** `POST /api/send` with upload progress (a message with attachments can be 27 MB of JSON) and the draft's key. */
export function sendMessage({ body, idempotencyKey, onUploadProgress }: SendMessageInput): Promise<SendResponse> {
  return uploadJson(`/api${endpoint.path}`, sendRequestBlob(body), {
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
