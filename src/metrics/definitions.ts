/**
 * The metric reference in plain English, as data: docs/metrics.md's "Metric
 * reference" and the report's methodology appendix are written from these
 * entries (the report translates them). Keep them in step with queries/.
 */
export interface MetricDefinition {
  /** Stable id; metric entries use the JSON field name. */
  id: string;
  title: string;
  text: string;
}

export const METRIC_DEFINITIONS: MetricDefinition[] = [
  {
    id: 'trackedBrand',
    title: 'Tracked brands and their accounts',
    text:
      'The tracked brands are the client and the competitors the report names. A brand owns the accounts listed for it on each platform; handles are compared without regard to case or a leading @. A post written by one of those accounts is a post of the brand.',
  },
  {
    id: 'handleMention',
    title: 'Mentioning a handle',
    text:
      'A text mentions a handle when it contains @ followed by the handle, in any case, with no letter, digit or underscore just before the @ and none just after the handle. "@AcmeCares." and "(@acmecares)" mention acmecares; "me@acmecares.com" and "@acmecares_es" do not.',
  },
  {
    id: 'inbound',
    title: 'Inbound mentions',
    text:
      'An inbound mention of a brand is a post written by someone outside the tracked brands, that is not a repost (retweet or share), and that is aimed at the brand: it mentions one of its handles on the same platform, or it replies directly to one of its posts (quoting a post is not replying to it), or the export tied it to a topic the config gives to the brand. A post aimed at two brands counts once for each. In questions mode only inbound mentions containing "?" or "¿" count.',
  },
  {
    id: 'period',
    title: 'Periods and timezone',
    text:
      'A period is a month, a quarter or a range of days, its first and last days included. It starts at local midnight in the report timezone and ends just before local midnight after its last day, so daylight-saving changes are respected. A mention belongs to the period in which it was written, whenever it was answered.',
  },
  {
    id: 'response',
    title: 'Response and response window',
    text:
      'The response to an inbound mention is the brand\'s earliest post that replies directly to it (the reply points at the mention by id or by link; a repost or a quote is not a reply) and is written no earlier than the mention and at most one response window after it: 7 days unless the config says otherwise, a reply exactly 7 days later still counting. Replies from other brands do not count. A reply that falls after the end of the period still counts for the mention\'s period. A reply stamped earlier than the post it answers is a data error: it is not a response and is counted under data quality.',
  },
  {
    id: 'threads',
    title: 'Threads without parent ids',
    text:
      'Some exports (the Twitter API v2) give a reply\'s conversation and the user it answers but not the post it answers. Its parent is then the latest other post by that user in that conversation written no later than the reply; when the data holds no such post, the reply answers an unknown post, and it is still a reply, not a broadcast. A Reddit comment link (/comments/<post>/comment/<id>/) makes a post a reply in the thread of <post>. Where authors are numeric user ids, a user\'s handle is learned from the replies to that user (a reply\'s text starts with the @handle of the user it answers; the handle most replies give wins), so the config\'s handles match them; a config may also name an account by its user id, as id:85741735.',
  },
  {
    id: 'answered',
    title: 'Answered',
    text: 'Inbound mentions that have a response.',
  },
  {
    id: 'pending',
    title: 'Pending',
    text:
      'Unanswered mentions whose response window had not yet closed at the newest post in the data for that platform: they may still be answered. They stay in every denominator, so a response rate with pending mentions may still rise when newer data is imported.',
  },
  {
    id: 'needsAnswer',
    title: 'Mentions that need no answer',
    text:
      'Two kinds of inbound mention need no answer; they are counted and shown (coverage), kept in the brand\'s volume and share of voice, and left out of every response figure (rate, times, targets, buckets, unanswered examples, follow-ups, scorecard). A mass mention tags at least 5 distinct handles at once, tracked or not (metrics.massMentionHandles) and does not reply directly to a post of the brand: a message sent to a crowd of accounts. A closer is a short acknowledgement with no question mark (thanks, ok, great, gracias, vale, merci, d\'accord, and the like in the data\'s other languages, a hand-off to private messages such as "DM sent", or only emoji, never a negative one, nor words that turn against the brand such as "done with you"; a documented list the config extends; the words of the tracked brands\' names and handles may stand beside them, as in "thanks Acme") (metrics.closers) that its author writes after the brand has already replied to them in the same thread. The config can count every mention instead (metrics.needsAnswer: false).',
  },
  {
    id: 'responseRate',
    title: 'Response rate',
    text:
      'Answered mentions divided by the measured inbound mentions that need an answer: those on platforms where the data holds posts of the brand (see coverage), mass mentions and closers left out (see mentions that need no answer). Its 95% interval is the Wilson score interval, which stays within 0-100% and remains meaningful for small samples and for rates of 0% or 100%. A rate that is a lower bound (see coverage) has none, since it can only be higher.',
  },
  {
    id: 'responseTime',
    title: 'Response time',
    text: 'For an answered mention, the time from the mention to its response, in minutes, with seconds kept as fractions of a minute.',
  },
  {
    id: 'responseTimeMedianMin',
    title: 'Median response time',
    text:
      'The middle response time of the brand\'s answered mentions in the period (between the two middle values when their number is even). The median is used rather than the mean because a few very late answers would dominate an average. Its 95% interval needs no assumption about how response times are distributed: sorting the n response times, each one falls below the true median with probability one half, so the number of them below it follows a binomial distribution with n trials and probability 1/2. The interval runs from the l-th fastest to the l-th slowest response, with l as large as possible while that binomial distribution still gives the interval at least 95% coverage. With fewer than 6 answered mentions no such interval exists and none is shown.',
  },
  {
    id: 'responseTimeP90Min',
    title: '90th percentile response time',
    text: 'The response time that 90% of answered mentions beat or equal, interpolated linearly between the two nearest sorted values (as for the median). It shows how long the slow tail waits.',
  },
  {
    id: 'responseTimeMeanMin',
    title: 'Mean response time',
    text: 'The average response time of the answered mentions. Shown for completeness; it is pulled up by a few very late answers.',
  },
  {
    id: 'withinSla',
    title: 'Answered within target',
    text:
      'For each response-time target of the config (60 minutes and 24 hours by default): inbound mentions answered within the target, the limit included, divided by all measured inbound mentions that need an answer, answered or not. Unanswered mentions therefore count against the brand.',
  },
  {
    id: 'buckets',
    title: 'Response-time buckets',
    text:
      'All measured inbound mentions that need an answer split into: answered within 1 hour, 1-4 hours, 4-8 hours, 8-24 hours, 24 hours to the end of the response window, and unanswered. Each bucket includes its upper limit: an answer after exactly 60 minutes is in "0-1h".',
  },
  {
    id: 'replyShare',
    title: 'Replies versus broadcasts',
    text:
      'Among the brand\'s own posts in the period, reposts left aside: a reply answers a post written by someone else (or a post that is not in the data, unless its link names one of the brand\'s accounts); a broadcast is an original post, a quote, or a reply to the brand\'s own post (a thread the brand continues). Reply share = replies / (replies + broadcasts). Reply-to-broadcast ratio = replies / broadcasts, shown only when there is at least one broadcast.',
  },
  {
    id: 'shareOfVoice',
    title: 'Share of voice',
    text:
      'The brand\'s inbound mentions divided by the inbound mentions of all tracked brands together in the period (a post aimed at two brands counts for both). A brand nobody mentioned has a share of 0 when others were mentioned.',
  },
  {
    id: 'rank',
    title: 'Ranks',
    text:
      'For each rate, share, ratio and time every brand gets a rank among the tracked brands: 1 is best (higher is better for rates, shares and the reply ratio, lower is better for times). Values are compared as the report prints them (whole percentages; times in whole minutes under an hour, in tenths of an hour under two days, in tenths of a day beyond), so brands whose values print the same share the better rank, and the next brand skips the shared places (1, 1, 3). A brand with no value, such as no answered mention for a median, gets no rank, nor does a brand whose response figures are not comparable (too few posts of its own, see comparability); a brand of which the data holds nothing in the period (neither a post of its own nor a mention of it) gets no rank at all: an export that does not cover it would read as a brand nobody mentioned. A figure left unranked because it is a lower bound (responses-missing, brand-posts-partial) can only be higher than it reads: the ranks of the brands its printed value passes count it ahead of them. A figure that is a lower bound by a known margin (responses-missing), ranked or not, leaves without a rank any other brand\'s figure it would pass at its other end and does not pass as printed: that brand\'s place is not known. The report prints no rank that only one brand has, nor one that every ranked brand shares, where no other brand takes part in the ranks without one: it compares nothing.',
  },
  {
    id: 'benchmarks',
    title: 'Competitor median and gaps',
    text:
      'For each ranked metric, the competitor median is the median of the competitors\' values (the client left out; brands without a value, or whose value is not comparable, left out), and the report says how many competitors it rests on. The client\'s gap to the median is its value minus that median, and its gap to the best is its value minus the best brand\'s value, so a negative gap in a rate and a positive gap in a time mean the client is behind. A verdict against a median of fewer than 2 measured competitors is "not comparable"; a competitor\'s own value is in that median, so its verdict needs 2 measured competitors besides itself. A competitor\'s value that is a lower bound by a known margin (responses-missing) stays in the median, whether or not it keeps its rank. Where such values move the median, it is a lower bound too: it is printed with ≥, it is also computed with each of them at its other end, and a brand is judged against it only where the verdict is the same against both.',
  },
  {
    id: 'change',
    title: 'Change against the previous period',
    text:
      'Each figure is compared with the period of the same length just before (the previous month, the previous quarter, or as many days before a date range). Rates and shares change in percentage points (from 50% to 55% is +5 points); times, counts and ratios change in percent (from 20 to 30 minutes is +50%). No change is shown when either value is missing or the earlier count was 0, nor when either value rests on fewer than 30 mentions (30 posts of the brand for reply figures, 30 answered mentions for times), nor when the earlier period held no post of the brand where this one does, nor, for a share of voice, when the data of a compared brand lacked its posts then, or its mentions jump from fewer than 30 to five times as many or fall so (an export added or dropped), nor when the data holds nothing of the tracked brands in the earlier period (its figures are then unknown, not 0): the report then says why it makes no comparison.',
  },
  {
    id: 'lowSample',
    title: 'Low samples',
    text:
      'A response rate resting on fewer than 30 measured inbound mentions that need an answer is flagged as a low sample: it can move a lot with a few mentions. Response times resting on fewer than 30 answered mentions are flagged the same way. The mark sits only on the figures it concerns, and its note says which sample is small.',
  },
  {
    id: 'byPlatform',
    title: 'Per platform',
    text: 'The same figures computed for each platform separately; the overall figures cover all platforms together (they are not an average of the platforms).',
  },
  {
    id: 'trend',
    title: 'Monthly trend',
    text: 'Inbound mentions, response rate and median response time per brand for the 13 calendar months (report timezone) ending with the month of the period\'s last day. A month in which the data holds no mention and no post of any tracked brand has no value, not 0 mentions.',
  },
  {
    id: 'hourOfWeek',
    title: 'Hour of the week',
    text: 'Inbound mentions and median response time by weekday (Monday first) and hour of the day in the report timezone, for the period, by the time the mention was written.',
  },
  {
    id: 'coverage',
    title: 'Coverage: what the data can and cannot tell',
    text:
      'Exports are often partial, so each brand, overall and per platform, says what its numbers rest on: its own posts in the period, the inbound mentions measured (those on platforms where the data holds its posts), the mentions whose export lists response ids, the unanswered measured ones among them whose listed responses are not in the data, and its replies to posts that are not in the data. Four warnings follow. No brand posts: the brand has inbound mentions on a platform but the data holds none of its posts there, so its response metrics there are left empty, not 0%, take no rank and are left out of the competitor median and the findings; its mentions still count for share of voice. Responses missing: more than 5% of the inbound mentions its response metrics rest on (those that need an answer, on platforms where the data holds its posts) are unanswered while their export lists responses that are not in the data, so its response rate is a lower bound; such a response rate, or share answered within a target, takes a rank (and the client\'s, a place against the competitor median) only where it would keep them were every listed response the data lacks an answer in time, and else is said between those two ends; one that is 0% as printed takes no rank and stays out of the competitor median, since the answers the data lacks may all have come in time; and no change is given between such a figure and another period\'s. Brand posts partial: on a platform, its mentions ran on for a whole response window after its last post in the data (or began a window or more before its first), or, at an end of the period, over more days than its own days leave likely, where every export that holds its posts of the day up to its last post (that post included) ends within a day after that post (a care export pulled on the 28th, or overnight with the night\'s mentions, beside mentions that run on to the 31st; at the start, every export holding its posts of the day from its first begins within a day before it; a post stored from two exports is the first one\'s), or, inside the period, between two of its posts, over more such days on which the exports holding its posts of the day up to the first, and those holding its posts of the day from the second, hold no row of any author (a care export in two files with days missing between them: its mentions between the two posts then count; one export holding its posts of both days holds the brand\'s silence), for a brand of 30 posts and mentions there or more (counting the days its mentions fall on, on its days of the week and not the config\'s holidays, with a share d of them holding a post of it in this period or the one before it, the higher, the one before counting with 7 such days or more, or half its days when that is fewer: more such days after its last post, before its first, or between the two posts around such a silence, than the fewest k with (1 − d)^k under 1 in 1,000, and more than 2; those mentions count then whether their window has closed or not), and at least 5, and more than 5%, of those mentions came after that post (or before the first, or between those two posts) unanswered, so its export covers part of the period (over all platforms, those of the platforms where this holds must also be more than 5% of its measured mentions): its response rate is a lower bound by an unknown margin: it takes no rank, is left out of the competitor median and the advice, is compared in the findings and the scorecard only where it is ahead even so, and its change against the previous period is not given. Parents missing: more than 20% of its replies answer posts that are not in the data, so its inbound volume and share of voice are understated. The thresholds are set in metrics.coverage.',
  },
  {
    id: 'comparability',
    title: 'Comparability',
    text:
      'A comparison is made only between values measured on comparable data, and each warning below is printed beside the figures it touches. Few brand posts: the brand received mentions but has fewer than 10 posts of its own, none a reply, so its response figures are shown but marked, take no rank and stay out of the competitor median and the findings (no coverage warning is computed on zero replies). Dominant author: one author wrote more than 20% of the brand\'s inbound mentions, and at least 20 of them. Partial period: the brand\'s data (its mentions and its own posts) covers fewer than half of the period\'s days, or more than half of its mentions fall on one day of a period of several days (every mention counts here, questions or not: this is what the exports cover); the report gives each brand\'s first and last post and days with data, and says in one sentence when the whole period is thin. Shares of voice are compared across unequal spans only with a sentence that says so: when a ranked brand\'s data runs over fewer than half the days of another\'s (from its first post to its last) and has data on fewer than half as many days, the share-of-voice finding gives the first and last day of each; such a brand carries the partial-period mark in every case, since its data covers fewer than half of the period\'s days. A diagnostic whose detection depends on sample size needs a minimum: the share of canned replies needs at least 100 replies, follow-through 30 follow-ups, the response rate to influencers or to one sentiment 30 such mentions (metrics.minReplies, metrics.minFollowUps, metrics.minGroupMentions); below it the value is empty with its reason, and medians, verdicts and advice use the measured brands only.',
  },
  {
    id: 'dataQuality',
    title: 'Data quality',
    text:
      'For the period: posts in the data (every author and platform), replies stamped earlier than the post they answer, posts that point at a parent not found in the data (a reply to a post outside the export), and inbound mentions still pending. A missing value is shown as empty (null), never as 0.',
  },
];
