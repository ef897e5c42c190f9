/**
 * Every Gmail selector Margin uses, one list per fact, most stable hook first (attributes, ARIA,
 * then Gmail's obfuscated classes last). Each list is checked against the fixtures in
 * test/fixtures/gmail and the saved pages in /work/shared/fixtures/gmail.
 */
/** Quoted and forwarded text inside a message body: someone else's words, never this message's. */
const QUOTED = '.gmail_quote, .gmail_attr, .gmail_extra, blockquote, .im';

export const gmailSelectors = {
  /** The conversation pane; messages are read only inside it (Gmail keeps hidden list views around). */
  conversationPane: ['div[role="main"]', 'div.nH.bkK'],

  /** The subject heading, which usually also carries the thread ids. */
  subject: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP'],
  /** Elements carrying the thread id, and the attribute to read on each. */
  threadId: [
    { selector: '[data-thread-perm-id]', attribute: 'data-thread-perm-id' },
    { selector: '[data-legacy-thread-id]', attribute: 'data-legacy-thread-id' },
  ],
  legacyThreadIdAttribute: 'data-legacy-thread-id',
  permThreadIdAttribute: 'data-thread-perm-id',

  /**
   * One message of the conversation, expanded or collapsed (outermost match wins). Both id
   * attributes in one selector: messages sent a moment ago carry only `data-message-id`.
   */
  message: ['[data-message-id], [data-legacy-message-id]', 'div.adn.ads, div.adf.ads'],

  /**
   * The sender inside one message's header. `[email]` is the stable hook; the heading, `.gD`
   * and `td.gF` only narrow it down to the "from" slot.
   */
  messageSender: ['h3 span[email]', 'span.gD[email]', 'td.gF span[email]', 'h3 [data-hovercard-id]'],
  /** Attributes holding the sender's address, in order of trust. */
  senderAddressAttributes: ['email', 'data-hovercard-id'],
  senderNameAttribute: 'name',

  /**
   * What a received message's sender wrote: its body, a collapsed message's snippet, and anything
   * quoted or forwarded. Gmail renders the sender's HTML there, so nothing inside is Gmail's own
   * page (a compose window, a header, an account button): every reader checks
   * `isInReceivedMessage` (received-message.ts) before it trusts an element.
   */
  receivedMessageContent: ['.a3s', '.ii.gt', '.iA.g6', QUOTED].join(', '),

  /** A message header's recipients line ("to me, Jonas"): never its sender. */
  recipientsLine: '.hb, span.g2',

  /**
   * An open message's body (collapsed messages have none: Gmail's own preview of them can include
   * quoted text, so it is never read). Its snippet leaves out `quoted`.
   */
  messageBody: '.a3s',
  quoted: QUOTED,

  /**
   * The recipients line of one message's header ("to me, Jonas, cc: Maya"): `[email]` first,
   * `data-hovercard-id` for chips that carry only that. Read only outside the body and quotes.
   */
  messageRecipients: ['.hb [email]', 'span.g2[email]', '.hb [data-hovercard-id]'],
  /** Text before a recipient that switches the rest of the line to cc ("cc:", "Cc:", "bcc:", "cci :"). */
  ccMarker: /(?:^|[\s,;])(?:b?cc|cci)\s*:/i,
  /** When a message was sent: the `title` of the date in its header holds the full date. */
  messageDate: ['span.g3[title]'],

  /**
   * A compose window, inline reply or pop-out: the closest of these around a recipients field.
   * `[role=dialog]` (new message, pop-out), `div.M9` (Gmail's compose body, also inside an
   * inline reply), then any form.
   */
  composeRoot: ['[role="dialog"]', 'div.M9', 'form'],
  /** The recipients fields of a compose window; the attribute names the field. */
  composeField: 'div[name=to], div[name=cc], div[name=bcc]',
  composeFieldNameAttribute: 'name',
  /** A recipient chip inside a field: the address, then where the name is. */
  composeChip: ['[data-hovercard-id]', '[email]'],
  composeChipAddressAttributes: ['data-hovercard-id', 'email'],
  composeChipName: ['[data-name]', '[name]'],
  composeChipNameAttributes: ['data-name', 'name'],
  /** Gmail before 2023 kept the chips' addresses in hidden inputs: "Priya <p@x>, j@y". */
  composeHiddenField: 'input[type=hidden][name=to], input[type=hidden][name=cc], input[type=hidden][name=bcc]',

  /** The account button in Gmail's top bar; its aria-label names the signed-in address. */
  accountButton: [
    'a[href^="https://accounts.google.com/SignOutOptions"]',
    'a[aria-label^="Google Account"]',
    '[aria-label^="Google Account"]',
  ],
} as const;
