import { Button } from '@web/components/ui/button';

export interface ErrorFallbackProps {
  title: string;
  message: string;
  onRetry?: () => void;
  retryLabel?: string;
}

/** What a crashed app or route shows instead of a blank page. */
export function ErrorFallback({ title, message, onRetry, retryLabel = 'Try again' }: ErrorFallbackProps) {
  return (
    <div
      role="alert"
      className="mx-auto my-16 max-w-lg rounded-lg border border-red-200 bg-red-50 p-6 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm">{message}</p>
      {onRetry && (
        <Button variant="secondary" className="mt-4" onClick={onRetry}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'An unexpected error occurred.';
}
