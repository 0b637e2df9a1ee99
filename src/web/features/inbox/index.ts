export { InboxPage } from './components/inbox-page';
export { companyMailboxesQueryOptions } from './api/get-company-mailboxes';
export { foldersQueryOptions } from './api/get-folders';
export { inboxHref } from './inbox-href';
