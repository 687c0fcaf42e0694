import type { AdviceCatalogue } from './catalogue.js';

export const en: AdviceCatalogue = {
  units: { seconds: 's', minutes: 'min', hours: 'h', days: 'd' },
  titles: {
    unanswered: 'Answer more of the people who write to you',
    slow: 'Answer faster',
    megaphone: 'Talk with people, not at them',
    'canned-replies': 'Write replies that sound human',
    'unsolicited-mentions': 'Stop mentioning people who did not write to you',
    'follow-ups': 'Finish the conversations you start',
    influencers: 'Put mentions from large audiences first',
    'negative-mentions': 'Answer complaints first',
    'business-hours': 'Cover the hours when customers write',
  },
  bodies: {
    unanswered:
      'An unanswered message is the most visible mistake on social media: the customer, and everyone who reads the thread, sees that nobody replied. Review unanswered mentions every day, starting with complaints, and agree which messages always get a reply.',
    slow: 'People who write to a brand on social media expect an answer within the hour. Staff the busiest hours, set alerts for new mentions, and send a short first reply even when the full answer takes longer.',
    megaphone:
      'Compared with the competitors, more of the posts are announcements and fewer are replies. Social channels reward conversation: answer the questions and comments under your own posts before publishing the next announcement.',
    'canned-replies':
      'Many replies are the same text with only a name or a number changed, and customers notice. Keep templates as a starting point, but adapt every reply to what the person actually asked.',
    'unsolicited-mentions':
      'Sending the same message to people who never contacted the brand reads as spam and can get the account restricted. Reply to the people who talk to you, and promote through your own posts.',
    'follow-ups':
      'When a customer answers your reply, the case is not closed. Track open threads and answer follow-ups as quickly as first messages, until the customer has what they needed.',
    influencers:
      'A complaint from an account with a large audience reaches many people. Flag such authors in the care tool so their messages are seen and answered first.',
    'negative-mentions':
      'Negative mentions are where an answer changes the most minds. Sort the queue by sentiment and make sure no complaint is left without a reply.',
    'business-hours':
      'Even counting only business hours, answers are slower than the competitors’. Compare the schedule and staffing with the hours when mentions arrive.',
  },
  labels: {
    unanswered: 'Response rate',
    slow: 'Median response time',
    megaphone: 'Share of posts that are replies',
    'canned-replies': 'Share of canned replies',
    'unsolicited-mentions': 'Share of unsolicited mentions',
    'follow-ups': 'Follow-ups answered',
    influencers: 'Response rate to influencers',
    'negative-mentions': 'Response rate to negative mentions',
    'business-hours': 'Median response time in business hours',
  },
  diagnosticLabels: {
    cannedShare: 'Canned replies',
    unsolicitedShare: 'Unsolicited mentions',
    followUpAnsweredShare: 'Follow-ups answered',
    followUpTimeMedianMin: 'Median time to answer a follow-up',
    abandonedShare: 'Abandoned conversations',
    businessTimeMedianMin: 'Median response time in business hours',
    responseRateInsideHours: 'Response rate, inside business hours',
    responseRateOutsideHours: 'Response rate, outside business hours',
    influencerResponseRate: 'Response rate to influencers',
    influencerTimeMedianMin: 'Median response time to influencers',
    negativeResponseRate: 'Response rate to negative mentions',
    negativeTimeMedianMin: 'Median response time to negative mentions',
    latestClockTimeMedianMin: 'Median response time from the latest message',
  },
  notes: {
    'no-follower-data': 'The export has no follower counts for {brand}.',
    'no-sentiment-data': 'The export has no sentiment for {brand}.',
    'no-business-hours': 'No business hours are set for {brand}.',
  },
  latestClockLabel: 'Median response time from the customer’s latest message',
  valueVsMedian: (label, brand, value, median, competitors) => `${label}: ${brand} ${value}, median of ${competitors} measured competitors ${median}.`,
  rank: (brand, rank, of, best, bestValue) => `${brand} ranks ${rank} of ${of}; the best is ${best}, at ${bestValue}.`,
  rankShared: (brand, rank, of, bests, bestValue) => `${brand} ranks ${rank} of ${of}; ${bests} share the best value, ${bestValue}.`,
  answeredOf: (answered, inbound) => `${answered} of ${inbound} mentions were answered.`,
  broadcastsVsReplies: (broadcasts, replies) => `${broadcasts} announcements against ${replies} replies.`,
  topTemplate: (uses) => `The most repeated reply was sent ${uses} times.`,
  unsolicitedCount: (count, posts) => `${count} of ${posts} posts mentioned people who had not written to the brand.`,
  abandoned: (count, conversations) => `${count} of ${conversations} conversations ended with the customer’s message unanswered.`,
  influencersVsOthers: (threshold, influencers, others) => `Authors with at least ${threshold} followers got an answer ${influencers} of the time; the others ${others}.`,
  negativeAnswered: (answered, inbound) => `${answered} of ${inbound} negative mentions were answered.`,
  outsideHours: (rate, inbound) => `Outside business hours, ${rate} of ${inbound} mentions were answered.`,
};
