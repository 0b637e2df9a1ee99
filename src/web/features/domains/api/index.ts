export { domainKeys, mailboxKeys, templateKeys } from './keys';
export { domainsQueryOptions, getDomains, useDomains } from './get-domains';
export { domainQueryOptions, getDomain, useDomain } from './get-domain';
export { mailboxesQueryOptions, getMailboxes, useMailboxes } from './get-mailboxes';
export { domainTemplatesQueryOptions, getDomainTemplates, useDomainTemplates } from './get-domain-templates';
