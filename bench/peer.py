"""The pandas peer of `npm run bench -- peer`: what an analyst's notebook computes
from the same twcs export, and nothing more. Per brand handle: inbound mentions (posts
naming @handle, not by the brand), answered (a reply of the brand's account to the
mention within 7 days), response rate, median first-response time, the shares answered
within 60 and 1440 minutes, and share of voice. It knows no needs-answer rule, no
coverage, no threads beyond the direct reply, no diagnostics and no themes.

Usage: python3 bench/peer.py FILE.csv Handle1,Handle2,...
Prints one JSON object, then BENCH_MS=<milliseconds> (reading included).
"""
import json
import sys
import time

import pandas as pd

WINDOW_MIN = 7 * 24 * 60
SLA_MIN = (60, 1440)

started = time.perf_counter()
path, handles = sys.argv[1], [handle.lower() for handle in sys.argv[2].split(",")]

posts = pd.read_csv(path, dtype=str, keep_default_na=False)
posts["at"] = pd.to_datetime(posts["created_at"], format="%a %b %d %H:%M:%S %z %Y", utc=True)
posts["author"] = posts["author_id"].str.lower()
text = posts["text"].str.lower()

replies = posts[posts["author"].isin(handles) & (posts["in_response_to_tweet_id"] != "")]
first_reply = (
    replies.rename(columns={"author": "brand", "tweet_id": "reply_id", "in_response_to_tweet_id": "tweet_id"})
    .groupby(["brand", "tweet_id"], as_index=False)["at"]
    .min()
    .rename(columns={"at": "reply_at"})
)

brands = []
for handle in handles:
    mentions = posts[text.str.contains("@" + handle, regex=False) & (posts["author"] != handle)][["tweet_id", "at"]]
    joined = mentions.merge(first_reply[first_reply["brand"] == handle][["tweet_id", "reply_at"]], on="tweet_id", how="left")
    minutes = (joined["reply_at"] - joined["at"]).dt.total_seconds() / 60
    answered = minutes[(minutes >= 0) & (minutes <= WINDOW_MIN)]
    inbound = len(mentions)
    brands.append(
        {
            "handle": handle,
            "inbound": inbound,
            "answered": int(len(answered)),
            "responseRate": len(answered) / inbound if inbound else None,
            "responseTimeMedianMin": float(answered.median()) if len(answered) else None,
            "withinSla": {str(limit): float((answered <= limit).sum() / inbound) if inbound else None for limit in SLA_MIN},
        }
    )

total = sum(brand["inbound"] for brand in brands)
for brand in brands:
    brand["shareOfVoice"] = brand["inbound"] / total if total else None

print(json.dumps({"brands": brands}))
print(f"BENCH_MS={(time.perf_counter() - started) * 1000:.0f}")
