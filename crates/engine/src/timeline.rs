//! Timeline geometry: date buckets, scales, ticks, brushing and bursts, as plain numbers for the SVG chart.
//!
//! The chart component only maps a [`Chart`] to SVG elements; every decision about where a bar
//! goes, which dates get a label and which date range a drag selects is made here and unit-tested.

use chrono::{Datelike, NaiveDate, Weekday};

/// The width of one timeline bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    /// One calendar day.
    Day,
    /// One ISO week, Monday to Sunday.
    Week,
    /// One calendar month.
    Month,
    /// One calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).
    Quarter,
    /// One calendar year.
    Year,
}

/// The most buckets [`Granularity::auto`] aims for.
pub const TARGET_MAX_BUCKETS: i64 = 60;
/// The most buckets a histogram will ever have; finer requests fall back to a coarser granularity.
pub const MAX_BUCKETS: i64 = 2000;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Granularity {
    /// All granularities, finest first.
    pub const ALL: [Granularity; 5] = [
        Granularity::Day,
        Granularity::Week,
        Granularity::Month,
        Granularity::Quarter,
        Granularity::Year,
    ];

    /// The lower-case name used in URLs (`day`, `week`, `month`, `quarter`, `year`).
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Year => "year",
        }
    }

    /// Parses the name given by [`Granularity::as_str`].
    pub fn parse(s: &str) -> Option<Granularity> {
        Granularity::ALL.into_iter().find(|g| g.as_str() == s)
    }

    /// A number that grows by one from each bucket to the next, so bucket arithmetic is integer
    /// arithmetic.
    pub fn ordinal(self, d: NaiveDate) -> i64 {
        match self {
            Granularity::Day => i64::from(d.num_days_from_ce()),
            Granularity::Week => (i64::from(d.num_days_from_ce())
                - i64::from(d.weekday().num_days_from_monday()))
            .div_euclid(7),
            Granularity::Month => i64::from(d.year()) * 12 + i64::from(d.month0()),
            Granularity::Quarter => i64::from(d.year()) * 4 + i64::from(d.month0() / 3),
            Granularity::Year => i64::from(d.year()),
        }
    }

    /// The first day of the bucket with this ordinal (inverse of [`Granularity::ordinal`]).
    /// `None` outside chrono's date range.
    pub fn from_ordinal(self, ord: i64) -> Option<NaiveDate> {
        let days_ce = |n: i64| NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?);
        match self {
            Granularity::Day => days_ce(ord),
            // Day 1 of the common era (0001-01-01) is a Monday, so week `w` starts on day 7w+1.
            Granularity::Week => days_ce(ord.checked_mul(7)?.checked_add(1)?),
            Granularity::Month => ymd(ord.div_euclid(12), ord.rem_euclid(12) as u32 + 1),
            Granularity::Quarter => ymd(ord.div_euclid(4), ord.rem_euclid(4) as u32 * 3 + 1),
            Granularity::Year => ymd(ord, 1),
        }
    }

    /// First day of the bucket containing `d`.
    pub fn start_of(self, d: NaiveDate) -> NaiveDate {
        match self {
            Granularity::Day => d,
            Granularity::Week => d.week(Weekday::Mon).first_day(),
            _ => self.from_ordinal(self.ordinal(d)).unwrap_or(d),
        }
    }

    /// Last day (inclusive) of the bucket containing `d`.
    pub fn end_of(self, d: NaiveDate) -> NaiveDate {
        self.from_ordinal(self.ordinal(d) + 1)
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// Number of buckets needed to cover `min..=max` (0 when `min > max`).
    pub fn bucket_count(self, min: NaiveDate, max: NaiveDate) -> i64 {
        if min > max {
            0
        } else {
            self.ordinal(max) - self.ordinal(min) + 1
        }
    }

    /// The finest granularity that shows `min..=max` in at most [`TARGET_MAX_BUCKETS`] buckets
    /// (a span of a few days gets days; four years gets months; a century gets years).
    pub fn auto(min: NaiveDate, max: NaiveDate) -> Granularity {
        Granularity::ALL
            .into_iter()
            .find(|g| g.bucket_count(min, max) <= TARGET_MAX_BUCKETS)
            .unwrap_or(Granularity::Year)
    }

    /// `self` if it needs at most [`MAX_BUCKETS`] buckets for `min..=max`, else the finest coarser
    /// one that does: a `day` link opened on a century of documents still draws.
    pub fn effective(self, min: NaiveDate, max: NaiveDate) -> Granularity {
        Granularity::ALL
            .into_iter()
            .filter(|g| *g >= self)
            .find(|g| g.bucket_count(min, max) <= MAX_BUCKETS)
            .unwrap_or(Granularity::Year)
    }

    /// The granularities worth offering for `min..=max`: at most [`MAX_BUCKETS`] buckets and,
    /// apart from the coarsest, more than one bucket.
    pub fn choices(min: NaiveDate, max: NaiveDate) -> Vec<Granularity> {
        Granularity::ALL
            .into_iter()
            .filter(|g| {
                let n = g.bucket_count(min, max);
                n <= MAX_BUCKETS && (n > 1 || *g == Granularity::Year)
            })
            .collect()
    }

    /// Label of the bucket starting at `start`: `2024`, `Q2 2024`, `Apr 2024`,
    /// `week of 1 Apr 2024`, `2 Apr 2024`.
    pub fn bucket_label(self, start: NaiveDate) -> String {
        match self {
            Granularity::Year => format!("{}", start.year()),
            Granularity::Quarter => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
            Granularity::Month => format!("{} {}", MONTHS[start.month0() as usize], start.year()),
            Granularity::Week => format!("week of {}", day_label(start, true)),
            Granularity::Day => day_label(start, true),
        }
    }
}

fn ymd(year: i64, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, 1)
}

/// `2 Apr` or, with the year, `2 Apr 2024`.
fn day_label(d: NaiveDate, with_year: bool) -> String {
    if with_year {
        format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
    } else {
        format!("{} {}", d.day(), MONTHS[d.month0() as usize])
    }
}
