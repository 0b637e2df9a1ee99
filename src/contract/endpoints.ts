import { z } from 'zod';
import { actionResultSchema } from './envelope';
import { resourceIdSchema, uidSchema } from './common';
import { domainDetailSchema, domainSchema } from './domains';
import { mailboxSchema } from './mailboxes';
import { listTemplatesQuerySchema, templateSchema } from './templates';
import { sendJobSchema, sendRequestSchema, sendResponseSchema } from './send';
import {
  folderSchema,
  foldersQuerySchema,
  listMessagesQuerySchema,
  markReadBodySchema,
  messageDetailSchema,
  messageQuerySchema,
  messageSummarySchema,
  moveBodySchema,
  partIdSchema,
  saveDraftBodySchema,
  saveDraftResultSchema,
  threadMessageSchema,
  threadQuerySchema,
  unreadCountSchema,
} from './inbox';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/**
 * One Sentroy endpoint, relative to `/api/companies/{slug}`. `path` uses `:name` params.
 * `response` is the schema of `data` in the success envelope; `binary` endpoints stream bytes instead.
 */
export interface EndpointDefinition {
  method: HttpMethod;
  path: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType | 'binary';
  successStatus: number;
  /** In the published reference (sentroy-api.txt); the rest are platform routes its own webmail uses (contract 5.16). */
  inReference: boolean;
}

const idParams = z.object({ id: resourceIdSchema });
const uidParams = z.object({ uid: uidSchema });

/** The Sentroy API as the console uses it: the BFF's allowlist, the emulator's route table, the tests' checklist. */
export const sentroyEndpoints = {
  listDomains: {
    method: 'GET',
    path: '/domains',
    response: z.array(domainSchema),
    successStatus: 200,
    inReference: true,
  },
  getDomain: {
    method: 'GET',
    path: '/domains/:id',
    params: idParams,
    response: domainDetailSchema,
    successStatus: 200,
    inReference: true,
  },
  listMailboxes: {
    method: 'GET',
    path: '/mailboxes',
    response: z.array(mailboxSchema),
    successStatus: 200,
    inReference: true,
  },
  listTemplates: {
    method: 'GET',
    path: '/templates',
    query: listTemplatesQuerySchema,
    response: z.array(templateSchema),
    successStatus: 200,
    inReference: true,
  },
  getTemplate: {
    method: 'GET',
    path: '/templates/:id',
    params: idParams,
    response: templateSchema,
    successStatus: 200,
    inReference: true,
  },
  send: {
    method: 'POST',
    path: '/send',
    body: sendRequestSchema,
    response: sendResponseSchema,
    successStatus: 201,
    inReference: true,
  },
  getSendJob: {
    method: 'GET',
    path: '/send/:id',
    params: idParams,
    response: sendJobSchema,
    successStatus: 200,
    inReference: false,
  },
  listMessages: {
    method: 'GET',
    path: '/inbox',
    query: listMessagesQuerySchema,
    response: z.array(messageSummarySchema),
    successStatus: 200,
    inReference: true,
  },
  listFolders: {
    method: 'GET',
    path: '/inbox/mailboxes',
    query: foldersQuerySchema,
    response: z.array(folderSchema),
    successStatus: 200,
    inReference: true,
  },
  getThread: {
    method: 'GET',
    path: '/inbox/thread',
    query: threadQuerySchema,
    response: z.array(threadMessageSchema),
    successStatus: 200,
    inReference: true,
  },
  getUnreadCount: {
    method: 'GET',
    path: '/inbox/unread-count',
    query: foldersQuerySchema,
    response: unreadCountSchema,
    successStatus: 200,
    inReference: false,
  },
  saveDraft: {
    method: 'POST',
    path: '/inbox/drafts',
    body: saveDraftBodySchema,
    response: saveDraftResultSchema,
    successStatus: 201,
    inReference: false,
  },
  getMessage: {
    method: 'GET',
    path: '/inbox/:uid',
    params: uidParams,
    query: messageQuerySchema,
    response: messageDetailSchema,
    successStatus: 200,
    inReference: true,
  },
  downloadAttachment: {
    method: 'GET',
    path: '/inbox/:uid/attachments/:partId/download',
    params: z.object({ uid: uidSchema, partId: partIdSchema }),
    query: messageQuerySchema,
    response: 'binary',
    successStatus: 200,
    inReference: false,
  },
  markRead: {
    method: 'POST',
    path: '/inbox/:uid/read',
    params: uidParams,
    body: markReadBodySchema,
    response: actionResultSchema,
    successStatus: 200,
    inReference: true,
  },
  markUnread: {
    method: 'DELETE',
    path: '/inbox/:uid/read',
    params: uidParams,
    query: messageQuerySchema,
    response: actionResultSchema,
    successStatus: 200,
    inReference: true,
  },
  moveMessage: {
    method: 'POST',
    path: '/inbox/:uid/move',
    params: uidParams,
    body: moveBodySchema,
    response: actionResultSchema,
    successStatus: 200,
    inReference: true,
  },
  deleteMessage: {
    method: 'DELETE',
    path: '/inbox/:uid',
    params: uidParams,
    query: messageQuerySchema,
    response: actionResultSchema,
    successStatus: 200,
    inReference: true,
  },
} as const satisfies Record<string, EndpointDefinition>;

export type SentroyEndpointName = keyof typeof sentroyEndpoints;

/** Fill `:param` placeholders, encoding each value as one path segment. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
