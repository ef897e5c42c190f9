import { describe, expect, it } from 'vitest';
import type { Contact, Interaction, Task } from '../../src/model/schemas';
import { buildSnapshot } from '../../src/sidebar/snapshot';

const DAY = 86_400_000;
const at = (isoDay: string): number => Date.parse(`${isoDay}T12:00:00Z`);

const contact: Contact = {
  id: 'c-1',
  name: 'Priya Raman',
  emails: ['priya@acme.com'],
  linkedinIds: ['priya-raman', 'ACoAABcdEfGhIjKlMn'],
  company: 'Acme',
  title: 'VP Sales',
  stage: 'Qualified',
  tags: ['champion', 'EMEA'],
  customFields: {},
  score: 72,
  createdAt: 0,
  updatedAt: 0,
};

function item(overrides: Partial<Interaction> & Pick<Interaction, 'id' | 'at' | 'kind'>): Interaction {
  return { contactId: 'c-1', source: { site: 'margin' }, createdAt: overrides.at, updatedAt: overrides.at, ...overrides };
}

const interactions: Interaction[] = [
  item({ id: 'i1', at: at('2025-03-10'), kind: 'note', sentiment: 'Positive', body: 'Budget approved', nextStep: 'Send contract' }),
  item({ id: 'i2', at: at('2025-03-08'), kind: 'email-in', subject: 'Re: pricing' }),
  item({ id: 'i3', at: at('2025-03-05'), kind: 'call', sentiment: 'Concerned', objection: 'Rollout timing' }),
  item({ id: 'i4', at: at('2025-03-01'), kind: 'note', sentiment: 'Negative', objection: 'Price too high', body: 'Pushed back on price' }),
  item({ id: 'i5', at: at('2025-02-20'), kind: 'stage-change', stageChange: { from: 'Engaged', to: 'Qualified' } }),
  item({ id: 'i6', at: at('2025-02-10'), kind: 'note', sentiment: 'Neutral', objection: 'Security review', body: 'Intro call' }),
];
const openTasks: Task[] = [
  { id: 't1', contactId: 'c-1', due: at('2025-03-14'), title: 'Send contract', status: 'open', createdAt: 0, updatedAt: 0 },
];

describe('buildSnapshot', () => {
  it('writes a short Markdown brief: who, stage, score, tags, sentiment, objections, next steps, last interactions', () => {
    expect(buildSnapshot({ contact, interactions, openTasks, now: at('2025-03-11') })).toBe(
      [
        '## Priya Raman',
        'VP Sales · Acme',
        'priya@acme.com · linkedin.com/in/priya-raman',
        '',
        '- **Stage:** Qualified',
        '- **Engagement:** 72',
        '- **Tags:** champion, EMEA',
        '- **Recent sentiment:** Positive, Concerned, Negative, Neutral',
        '- **Recent objections:**',
        '  - Rollout timing (2025-03-05)',
        '  - Price too high (2025-03-01)',
        '  - Security review (2025-02-10)',
        '- **Open next steps:**',
        '  - Send contract (due 2025-03-14)',
        '',
        '**Last interactions**',
        '- 2025-03-10 · Note (Positive): Budget approved',
        '- 2025-03-08 · Email received: Re: pricing',
        '- 2025-03-05 · Call (Concerned)',
        '- 2025-03-01 · Note (Negative): Pushed back on price',
        '- 2025-02-20 · Stage changed',
        '',
      ].join('\n'),
    );
  });

  it('writes only what is known for a new contact', () => {
    const bare: Contact = { ...contact, company: undefined, title: undefined, linkedinIds: [], tags: [], stage: 'Awareness' };
    delete bare.score;
    delete bare.company;
    delete bare.title;

    expect(buildSnapshot({ contact: bare, interactions: [], openTasks: [], now: 0 })).toBe(
      ['## Priya Raman', 'priya@acme.com', '', '- **Stage:** Awareness', ''].join('\n'),
    );
  });

  it('keeps at most 5 sentiments, 3 objections and 5 last interactions, newest first', () => {
    const many = Array.from({ length: 8 }, (_, index) =>
      item({ id: `n${index}`, at: at('2025-03-20') - index * DAY, kind: 'note', sentiment: 'Neutral', objection: `Objection ${index}`, body: `Note ${index}` }),
    );
    const brief = buildSnapshot({ contact, interactions: many, openTasks: [], now: 0 });

    expect(brief).toContain('- **Recent sentiment:** Neutral, Neutral, Neutral, Neutral, Neutral\n');
    expect(brief).toContain('  - Objection 0 (2025-03-20)\n  - Objection 1 (2025-03-19)\n  - Objection 2 (2025-03-18)\n\n**Last interactions**');
    expect(brief.match(/^- 2025-/gm)).toHaveLength(5);
    expect(brief).toContain('- 2025-03-16 · Note (Neutral): Note 4\n');
    expect(brief).not.toContain('Note 5');
  });

  it('escapes Markdown in page text so the brief reads the same when pasted', () => {
    const tricky: Contact = {
      ...contact,
      name: '# Jane *Doe*',
      title: 'Head of <Ops> | [Growth]',
      company: 'Acme_Corp `beta`',
      tags: ['**vip**'],
    };
    const notes = [
      item({ id: 'x', at: at('2025-03-10'), kind: 'note', body: 'See [link](https://evil.example) \\ <script>alert(1)</script>', objection: '_too_ *pricey*' }),
    ];
    const tasks: Task[] = [{ ...openTasks[0]!, title: 'Reply # with `code`' }];

    expect(buildSnapshot({ contact: tricky, interactions: notes, openTasks: tasks, now: 0 })).toBe(
      [
        '## \\# Jane \\*Doe\\*',
        'Head of \\<Ops\\> \\| \\[Growth\\] · Acme\\_Corp \\`beta\\`',
        'priya@acme.com · linkedin.com/in/priya-raman',
        '',
        '- **Stage:** Qualified',
        '- **Engagement:** 72',
        '- **Tags:** \\*\\*vip\\*\\*',
        '- **Recent objections:**',
        '  - \\_too\\_ \\*pricey\\* (2025-03-10)',
        '- **Open next steps:**',
        '  - Reply \\# with \\`code\\` (due 2025-03-14)',
        '',
        '**Last interactions**',
        '- 2025-03-10 · Note: See \\[link\\](https://evil.example) \\\\ \\<script\\>alert(1)\\</script\\>',
        '',
      ].join('\n'),
    );
  });

  it('keeps a multi-line note on one line of the brief', () => {
    const notes = [item({ id: 'x', at: at('2025-03-10'), kind: 'note', body: 'First line\n\n- not a list\n  indented' })];
    expect(buildSnapshot({ contact, interactions: notes, openTasks: [], now: 0 })).toContain(
      '- 2025-03-10 · Note: First line - not a list indented\n',
    );
  });

  it('cuts a long body at 140 characters with …', () => {
    const body = 'a'.repeat(139) + 'bcdef';
    const brief = buildSnapshot({ contact, interactions: [item({ id: 'x', at: at('2025-03-10'), kind: 'note', body })], openTasks: [], now: 0 });

    expect(brief).toContain(`- 2025-03-10 · Note: ${'a'.repeat(139)}…\n`);
    const exact = 'a'.repeat(140);
    expect(
      buildSnapshot({ contact, interactions: [item({ id: 'y', at: at('2025-03-10'), kind: 'note', body: exact })], openTasks: [], now: 0 }),
    ).toContain(`- 2025-03-10 · Note: ${exact}\n`);
  });

  it('never cuts an emoji in half when shortening', () => {
    const body = `${'a'.repeat(138)}😀 and more text after the emoji`;
    const brief = buildSnapshot({ contact, interactions: [item({ id: 'x', at: at('2025-03-10'), kind: 'note', body })], openTasks: [], now: 0 });

    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(brief).not.toMatch(loneSurrogate);
    expect(brief).toContain(`- 2025-03-10 · Note: ${'a'.repeat(138)}`);
    expect(brief).toContain('…\n');
  });
});
