/**
 * Header rows of the real exports (see tests/fixtures/sample/real/): the
 * sample writes exactly these columns, in this order.
 */
export const TWCS_COLUMNS = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'] as const;

export const TALKWALKER_COLUMNS = [
  'url', 'indexed', 'published', 'search_indexed', 'title_snippet', 'content_snippet', 'title', 'content', 'root_url', 'domain_url',
  'host_url', 'parent_url', 'lang', 'porn_level', 'fluency_level', 'spam_level', 'sentiment', 'source_type', 'post_type', 'cluster_id',
  'meta_cluster_id', 'tags_internal', 'tags_marking', 'tags_customer', 'entity_urls', 'images.url', 'images.width', 'images.height',
  'images.legend', 'videos.url', 'videos.width', 'videos.height', 'videos.legend', 'pagemonitoring_sitemon_siteid', 'matched_profile',
  'article_extended_attributes.facebook_shares', 'article_extended_attributes.facebook_likes',
  'article_extended_attributes.twitter_retweets', 'article_extended_attributes.url_views', 'article_extended_attributes.pinterest_likes',
  'article_extended_attributes.pinterest_pins', 'article_extended_attributes.pinterest_repins',
  'article_extended_attributes.youtube_views', 'article_extended_attributes.youtube_likes', 'article_extended_attributes.youtube_dislikes',
  'article_extended_attributes.instagram_likes', 'article_extended_attributes.twitter_shares', 'article_extended_attributes.num_comments',
  'source_extended_attributes.alexa_pageviews', 'source_extended_attributes.facebook_followers',
  'source_extended_attributes.twitter_followers', 'source_extended_attributes.instagram_followers',
  'source_extended_attributes.pinterest_followers', 'extra_article_attributes.world_data.continent',
  'extra_article_attributes.world_data.country', 'extra_article_attributes.world_data.country_code',
  'extra_article_attributes.world_data.region', 'extra_article_attributes.world_data.city',
  'extra_article_attributes.world_data.longitude', 'extra_article_attributes.world_data.latitude', 'extra_author_attributes.id',
  'extra_author_attributes.type', 'extra_author_attributes.name', 'extra_author_attributes.birthdate.date',
  'extra_author_attributes.birthdate.resolution', 'extra_author_attributes.gender', 'extra_author_attributes.image_url',
  'extra_author_attributes.short_name', 'extra_author_attributes.url', 'extra_author_attributes.world_data.continent',
  'extra_author_attributes.world_data.country', 'extra_author_attributes.world_data.country_code',
  'extra_author_attributes.world_data.region', 'extra_author_attributes.world_data.city', 'extra_author_attributes.world_data.longitude',
  'extra_author_attributes.world_data.latitude', 'extra_source_attributes.world_data.continent',
  'extra_source_attributes.world_data.country', 'extra_source_attributes.world_data.country_code',
  'extra_source_attributes.world_data.region', 'extra_source_attributes.world_data.city', 'extra_source_attributes.world_data.longitude',
  'extra_source_attributes.world_data.latitude', 'engagement', 'reach', 'provider', 'generator.type',
  'source_extended_attributes.alexa_unique_visitors', 'article_extended_attributes.twitter_likes', 'extra_author_attributes.description',
  'article_extended_attributes.linkedin_shares', 'extra_source_attributes.name', 'word_count',
] as const;

export const MELTWATER_COLUMNS = [
  'Date', 'Headline', 'URL', 'Opening Text', 'Hit Sentence', 'Source', 'Influencer', 'Country', 'Subregion', 'Language', 'Reach',
  'Desktop Reach', 'Mobile Reach', 'Twitter Social Echo', 'Facebook Social Echo', 'Reddit Social Echo', 'National Viewership',
  'Engagement', 'AVE', 'Sentiment', 'Key Phrases', 'Input Name', 'Keywords', 'Twitter Authority', 'Tweet Id', 'Twitter Id',
  'Twitter Client', 'Twitter Screen Name', 'User Profile Url', 'Twitter Bio', 'Twitter Followers', 'Twitter Following',
  'Alternate Date Format', 'Time', 'State', 'City', 'Social Echo Total', 'Editorial Echo', 'Views', 'Estimated Views', 'Likes', 'Replies',
  'Retweets', 'Comments', 'Shares', 'Reactions', 'Threads', 'Is Verified', 'Parent URL', 'Document Tags', 'Document ID',
  'Custom Categories',
] as const;

