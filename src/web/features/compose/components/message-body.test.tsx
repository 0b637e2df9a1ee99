// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageBody } from './message-body';

afterEach(cleanup);

const QUOTE = 'On Thu, 3 Dec 2026 at 15:34, Mallory <m@x.example> wrote:\n> <img src="https://evil.example/a.png">';

/** MessageBody as the compose form holds it: Markdown and quote in state. */
function Harness({ quote }: { quote: string }) {
  const [markdown, setMarkdown] = useState('');
  const [current, setQuote] = useState(quote);
  return (
    <MessageBody markdown={markdown} subject="Re: x" onChange={setMarkdown} quote={current} onQuoteChange={setQuote} />
  );
}

describe('MessageBody: the quoted original', () => {
  it('is a plain-text field of its own under the message, and can be removed', async () => {
    const user = userEvent.setup();
    render(<Harness quote={QUOTE} />);
    expect(screen.getByLabelText('Message')).toHaveProperty('value', '');
    const quote = screen.getByLabelText('Quoted message');
    expect(quote).toHaveProperty('value', QUOTE);
    expect(quote.getAttribute('aria-describedby')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove quoted message' }));
    expect(screen.queryByLabelText('Quoted message')).toBeNull();
  });

  it('is not shown for a new message', () => {
    render(<Harness quote="" />);
    expect(screen.queryByLabelText('Quoted message')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove quoted message' })).toBeNull();
  });
});
