/**
 * The addresses the page detectors are asked about (page-detectors.test.ts): each detector
 * answers for the ones its entry names and for none of the others.
 */
export const pageUrls = {
  gmailThread: [
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/1/#inbox/19225cf8b037b1f4',
    'https://mail.google.com/mail/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#all/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#sent/KtbxLxGPxnSmXPFCgknmlNxPTgRTbNhNKV',
    'https://mail.google.com/mail/u/0/#starred/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#imp/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#label/Clients%2FNorthwind/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#label/Pipeline/1924755ecb7e7e3d',
    'https://mail.google.com/mail/u/0/#search/northwind+security/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#category/updates/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw?compose=new',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw?projector=1',
    'https://mail.google.com/mail/u/0?ui=2#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
  ],
  gmailList: [
    'https://mail.google.com/mail/u/0/',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/p2',
    'https://mail.google.com/mail/u/0/#label/Foo',
    'https://mail.google.com/mail/u/0/#label/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#search/foo',
    'https://mail.google.com/mail/u/0/#search/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/#inbox?compose=new',
    'https://mail.google.com/mail/u/0/#sent',
    'https://mail.google.com/mail/u/0/#category/social',
    'https://mail.google.com/mail/u/3/#starred',
  ],
  gmailOther: [
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/mail/u/0/#contacts/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1&to=priya%40northwind-logistics.example',
    'https://mail.google.com/chat/u/0/#chat/home',
    'http://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://mail.google.com.evil.example/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    'https://calendar.google.com/calendar/u/0/r',
  ],
  linkedInProfile: [
    'https://www.linkedin.com/in/priya-raman-northwind/',
    'https://www.linkedin.com/in/priya-raman-northwind',
    'https://www.linkedin.com/in/costavasili/',
    'https://www.linkedin.com/in/igoralentyev/overlay/contact-info/',
    'https://www.linkedin.com/in/austinoboyle/details/experience/',
    'https://www.linkedin.com/in/austinoboyle/?originalSubdomain=ca',
    'https://www.linkedin.com/in/Jos%C3%A9-Garc%C3%ADa-1a2b3c/',
    'https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-8b7a6c/',
  ],
  linkedInOther: [
    'https://www.linkedin.com/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/company/northwind-logistics-example/',
    'https://www.linkedin.com/messaging/',
    'https://www.linkedin.com/messaging/thread/new/compose/',
    'https://www.linkedin.com/jobs/view/3901234567/',
    'https://www.linkedin.com/search/results/people/?keywords=priya',
    'https://www.linkedin.com/sales/home',
    'https://www.linkedin.com/sales/lead/',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'https://www.linkedin.com/inbox/',
    'https://www.linkedin.com.evil.example/in/priya-raman-northwind/',
    'http://www.linkedin.com/in/priya-raman-northwind/',
  ],
  linkedInMessaging: [
    'https://www.linkedin.com/messaging/thread/2-YjE0ZmE3NWUtNGQ5ZC00/',
    'https://www.linkedin.com/messaging/thread/2-ZmJiYzQ3NjEtNGQ5ZC00YmE1LWI4YWQtMWYyNzY0NzdlNmQ1XzAxMA==/',
    'https://www.linkedin.com/messaging/thread/2-OTg3NjU0MzItMWEyYi0zYzRkLTVlNmYtN2E4YjljMGQxZTJmXzAxMA==',
  ],
  linkedInSalesLead: [
    'https://www.linkedin.com/sales/lead/ACwAAB7xQ2sBc9dEfGhIjKl,NAME_SEARCH,abcd',
    'https://www.linkedin.com/sales/lead/ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U,NAME_SEARCH,Xq7b',
    'https://www.linkedin.com/sales/people/ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U,name',
  ],
} as const;

export type PageUrlKind = keyof typeof pageUrls;

