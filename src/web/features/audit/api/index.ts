export { auditKeys } from './keys';
export { auditCsvHref, auditQueryOptions, getAudit, useAudit } from './get-audit';
