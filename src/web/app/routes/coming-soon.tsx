import { PageHeader } from '@web/components/ui/page-header';

export interface ComingSoonProps {
  title: string;
  description: string;
}

/** Templates, Compose and Inbox exist in the navigation already; their issues build the real pages. */
export function ComingSoon({ title, description }: ComingSoonProps) {
  return (
    <>
      <title>{`${title} · Sentroy Console`}</title>
      <PageHeader title={title} />
      <p className="text-slate-700 dark:text-slate-300">{description}</p>
    </>
  );
}

export const InboxRoute = () => (
  <ComingSoon title="Inbox" description="Reading your company's mailboxes is coming soon." />
);
