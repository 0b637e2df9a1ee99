export { InboxPage } from './components/inbox-page';
export { foldersQueryOptions } from './api/get-folders';
export { inboxHref } from './inbox-href';
