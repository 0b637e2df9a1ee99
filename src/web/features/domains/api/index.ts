export { domainKeys } from './keys';
export { domainsQueryOptions, getDomains, useDomains } from './get-domains';
export { domainQueryOptions, getDomain, useDomain } from './get-domain';
