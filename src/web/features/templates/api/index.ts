export { templateKeys } from './keys';
export { templatesQueryOptions, useTemplates } from './get-templates';
export { templateQueryOptions, useTemplate } from './get-template';
export { templatePreviewQueryOptions, useTemplatePreview } from './preview-template';
export { domainsQueryOptions, useDomains } from './get-domains';
export { mailboxesQueryOptions, useMailboxes } from './get-mailboxes';
export { useSendTest } from './send-test';
