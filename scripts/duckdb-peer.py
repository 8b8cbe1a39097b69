#!/usr/bin/env python3
"""The benchmark's peer: what a user without referral-report would write, in DuckDB.

Started once per data folder by `make bench` (duckdb is imported before any timing), it
answers each `run` line on standard input with one JSON line: the seconds the query took inside
this process, and the channel table's totals, which the benchmark checks against the tool's.

The query is the core of the report, under the tool's rules so that the totals can agree:
per channel (a deal's channel is its lead's when its lead_id names an accepted lead, else its
own source's), leads created in the period, deals won and lost closed in it, won revenue in the
reporting currency (converted per deal in cents, rounded half away from zero, as the tool does), spend of the period's months
plus the referral payouts paid in it; and the referral share of leads, wins and revenue. Rows
the tool rejects are left out the same way: impossible dates, a repeated lead id (the first
stands), a stage no rule names.

Two shapes of exports: `own` (the project's sample generator: every input, the generic
preset's headers) and `foreign` (the benchmark's Salesforce-shaped leads and deals, no spend or
payouts: ForeignExports.swift), the same query over each shape's column names. Each answer also
carries this process's peak RSS (kB), for the benchmark to print beside the tool's.

Usage: duckdb-peer.py FOLDER FROM TO CHANNELS_FILE [own|foreign]  (CHANNELS_FILE: `referral-report channels`)
"""
import json
import re
import resource
import sys
import time

import duckdb

RATES = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27}  # referral-report.toml's [rates]
# Stages compared as the tool does: letters and digits only, lower-cased ("Closed_Won" is "closedwon").
WON = ["closedwon", "won"]
LOST = ["closedlost", "lost"]
OPEN = ["negotiation", "proposal", "qualification"]
UNKNOWN = ["", "unknown", "n/a", "na", "none", "(none)", "not set", "(not set)", "null", "?"]


def catalogue(path):
    """(key, channel, referral) rows from `referral-report channels`."""
    rows = []
    for line in open(path, encoding="utf-8"):
        match = re.match(r"^(.+?) \((referral|not referral)\): (.*)$", line.strip())
        if not match:
            continue
        name, kind, aliases = match.groups()
        for alias in [a.strip() for a in aliases.split(",")] + [name]:
            if alias and alias != "(empty)":
                rows.append((key(alias), name, kind == "referral"))
    return rows


def key(text):
    return " ".join(re.split(r"[\s_-]+", text.strip().lower())).strip()


def sources(folder, shape):
    """The four tables the query reads, under the generic names, for one shape of exports."""
    csv = lambda name: f"read_csv('{folder}/{name}.csv', all_varchar = true, header = true)"
    if shape == "own":
        return {name: csv(name) for name in ["leads", "deals", "spend", "payouts"]}
    return {
        "leads": f'(SELECT "Lead ID" AS lead_id, "Create Date" AS created_at, "Lead Source" AS source FROM {csv("leads")})',
        "deals": f'(SELECT "Lead ID" AS lead_id, "Lead Source" AS source, "Stage" AS stage, "Amount" AS amount, '
        f'"Opportunity Currency" AS currency, "Close Date" AS closed_at FROM {csv("deals")})',
        "spend": "(SELECT NULL::VARCHAR AS month, NULL::VARCHAR AS source, NULL::VARCHAR AS amount, NULL::VARCHAR AS currency WHERE false)",
        "payouts": "(SELECT NULL::VARCHAR AS paid_at, NULL::VARCHAR AS amount, NULL::VARCHAR AS currency WHERE false)",
    }


def setup(con, channels_file):
    con.execute("CREATE TABLE catalogue (k VARCHAR, channel VARCHAR, referral BOOLEAN)")
    # One row per key: a channel's own name is among its aliases too.
    con.executemany("INSERT INTO catalogue VALUES (?, ?, ?)", list(dict.fromkeys(catalogue(channels_file))))
    con.execute("CREATE TABLE rates (currency VARCHAR, rate DOUBLE)")
    con.executemany("INSERT INTO rates VALUES (?, ?)", list(RATES.items()))


QUERY = """
WITH
leads_raw AS (
  SELECT *, row_number() OVER () AS line FROM {leads}
),
leads AS (
  SELECT lead_id, TRY_CAST(created_at AS DATE) AS created, source FROM (
    SELECT *, row_number() OVER (PARTITION BY lead_id ORDER BY line) AS nth FROM leads_raw
    WHERE lead_id IS NOT NULL AND TRY_CAST(created_at AS DATE) IS NOT NULL
  ) WHERE nth = 1
),
deals AS (
  SELECT * FROM (
    SELECT lead_id, source, regexp_replace(lower(stage), '[^a-z0-9]', '', 'g') AS stage, TRY_CAST(amount AS DECIMAL(18, 2)) AS amount,
           coalesce(currency, 'USD') AS currency, TRY_CAST(closed_at AS DATE) AS closed
    FROM {deals}
  ) WHERE stage IN ({won}, {lost}, {open})
),
channel_of AS (
  SELECT raw, coalesce(c.channel, CASE WHEN s.k IN ({unknown}) THEN 'Unknown' ELSE trim(raw) END) AS channel, coalesce(c.referral, false) AS referral
  FROM (SELECT DISTINCT raw, array_to_string(regexp_split_to_array(lower(trim(raw)), '[\\s_-]+'), ' ') AS k
        FROM (SELECT coalesce(source, '') AS raw FROM leads UNION SELECT coalesce(source, '') FROM deals
              UNION SELECT coalesce(source, '') FROM {spend})) s
  LEFT JOIN catalogue c ON c.k = s.k
),
lead_rows AS (
  SELECT l.lead_id, l.created, ch.channel, ch.referral FROM leads l JOIN channel_of ch ON ch.raw = coalesce(l.source, '')
),
deal_rows AS (
  SELECT d.*, coalesce(lr.channel, ch.channel) AS channel, coalesce(lr.referral, ch.referral) AS referral
  FROM deals d LEFT JOIN lead_rows lr ON lr.lead_id = d.lead_id LEFT JOIN channel_of ch ON ch.raw = coalesce(d.source, '')
),
closed AS (
  SELECT channel, referral, stage IN ({won}) AS won, round(amount * 100 * r.rate) / 100 AS revenue
  FROM deal_rows JOIN rates r USING (currency)
  WHERE closed BETWEEN DATE '{start}' AND DATE '{end}' AND stage IN ({won}, {lost})
),
spend AS (
  SELECT ch.channel, ch.referral, round(TRY_CAST(amount AS DOUBLE) * r.rate, 2) AS spend
  FROM {spend} s
  JOIN channel_of ch ON ch.raw = coalesce(s.source, '') JOIN rates r ON r.currency = coalesce(s.currency, 'USD')
  WHERE s.month BETWEEN strftime(DATE '{start}', '%Y-%m') AND strftime(DATE '{end}', '%Y-%m')
),
payouts AS (
  SELECT round(TRY_CAST(amount AS DOUBLE) * r.rate, 2) AS spend
  FROM {payouts} p JOIN rates r ON r.currency = coalesce(p.currency, 'USD')
  WHERE TRY_CAST(paid_at AS DATE) BETWEEN DATE '{start}' AND DATE '{end}'
),
per_channel AS (
  SELECT channel, any_value(referral) AS referral, sum(leads) AS leads, sum(won) AS won, sum(lost) AS lost, sum(revenue) AS revenue,
         sum(spend) AS spend
  FROM (
    SELECT channel, referral, 1 AS leads, 0 AS won, 0 AS lost, 0 AS revenue, 0 AS spend FROM lead_rows
      WHERE created BETWEEN DATE '{start}' AND DATE '{end}'
    UNION ALL SELECT channel, referral, 0, CASE WHEN won THEN 1 ELSE 0 END, CASE WHEN won THEN 0 ELSE 1 END,
      CASE WHEN won THEN revenue ELSE 0 END, 0 FROM closed
    UNION ALL SELECT channel, referral, 0, 0, 0, 0, spend FROM spend
  )
  GROUP BY channel
)
SELECT
  sum(leads), sum(won), sum(lost), round(sum(revenue), 2), round(sum(spend) + (SELECT coalesce(sum(spend), 0) FROM payouts), 2),
  sum(CASE WHEN referral THEN leads END) / sum(leads), sum(CASE WHEN referral THEN won END) / sum(won),
  sum(CASE WHEN referral THEN revenue END) / sum(revenue), count(*)
FROM per_channel
"""


def main():
    folder, start, end, channels_file = sys.argv[1:5]
    shape = sys.argv[5] if len(sys.argv) > 5 else "own"
    con = duckdb.connect()
    setup(con, channels_file)
    quoted = lambda values: ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    query = QUERY.format(**sources(folder, shape), start=start, end=end, won=quoted(WON), lost=quoted(LOST), open=quoted(OPEN), unknown=quoted(UNKNOWN))
    for line in sys.stdin:
        if line.strip() != "run":
            continue
        started = time.perf_counter()
        row = con.execute(query).fetchone()
        seconds = time.perf_counter() - started
        names = ["leads", "won", "lost", "revenue", "spend", "share_leads", "share_wins", "share_revenue", "channels"]
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"seconds": seconds, "peak_kb": peak_kb, **dict(zip(names, row))}), flush=True)


if __name__ == "__main__":
    main()
