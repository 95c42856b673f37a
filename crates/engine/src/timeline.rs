//! Timeline geometry: date buckets, scales, ticks, brushing and bursts, as plain numbers for the SVG chart.
//!
//! The chart component only maps a [`Chart`] to SVG elements; every decision about where a bar
//! goes, which dates get a label and which date range a drag selects is made here and unit-tested.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::HashMap;
use std::fmt::Write as _;

use crate::model::EntityIdx;

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
/// The most buckets a histogram will ever have; finer requests fall back to a coarser
/// granularity (as Kibana scales an interval that would make too many buckets). At the chart's
/// usual width, more bars than this are under 3 px each: too thin to tell apart, point at or
/// click, and their elements would cost the chart its one-frame render at 100k documents.
pub const MAX_BUCKETS: i64 = 240;

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

/// A date as people read it, as the app shows it everywhere: `2 Apr 2024`.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2024, 4, 2).unwrap();
/// assert_eq!(dossier_engine::timeline::human_date(d), "2 Apr 2024");
/// ```
pub fn human_date(d: NaiveDate) -> String {
    day_label(d, true)
}

/// `2 Apr` or, with the year, `2 Apr 2024`.
fn day_label(d: NaiveDate, with_year: bool) -> String {
    if with_year {
        format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
    } else {
        format!("{} {}", d.day(), MONTHS[d.month0() as usize])
    }
}

/// One bucket of a [`Histogram`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bucket {
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
    /// Documents dated within it.
    pub count: u32,
}

/// Documents per bucket over a contiguous run of buckets (empty ones included, so the axis has
/// no gaps), plus what could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    /// Bucket width.
    pub granularity: Granularity,
    /// Contiguous buckets from the earliest to the latest date (or over the requested span).
    pub buckets: Vec<Bucket>,
    /// Documents without a date: shown beside the chart, not lost.
    pub undated: u32,
    /// Dated documents outside a requested span.
    pub outside: u32,
    /// Largest bucket count (0 when there are no buckets).
    pub max: u32,
}

impl Histogram {
    /// Which bucket holds `d`, if any.
    pub fn index_of(&self, d: NaiveDate) -> Option<usize> {
        self.locator()(d)
    }

    /// [`Histogram::index_of`] with the first bucket's ordinal worked out once, for loops.
    fn locator(&self) -> impl Fn(NaiveDate) -> Option<usize> + '_ {
        let first = self
            .buckets
            .first()
            .map(|b| self.granularity.ordinal(b.start));
        move |d| {
            let i = self.granularity.ordinal(d) - first?;
            usize::try_from(i).ok().filter(|i| *i < self.buckets.len())
        }
    }

    /// Each document's bucket, [`UNPLACED`] for none: worked out once for the loops over a
    /// result list that follow the histogram.
    fn places(&self, docs: &[DocFacts]) -> Vec<u32> {
        self.places_of(docs.iter().map(|d| d.date))
    }

    /// [`Histogram::places`] of dates.
    fn places_of(&self, dates: impl Iterator<Item = Option<NaiveDate>>) -> Vec<u32> {
        let locate = self.locator();
        dates
            .map(|d| d.and_then(&locate).map_or(UNPLACED, |i| i as u32))
            .collect()
    }

    /// Documents placed in buckets.
    pub fn dated(&self) -> u32 {
        self.buckets.iter().map(|b| b.count).sum()
    }

    /// Number of buckets with at least one document.
    pub fn non_empty(&self) -> usize {
        self.buckets.iter().filter(|b| b.count > 0).count()
    }

    /// The inclusive date range of bucket `i`: what clicking it narrows to.
    pub fn bucket_range(&self, i: usize) -> Option<(NaiveDate, NaiveDate)> {
        self.buckets.get(i).map(|b| (b.start, b.end))
    }

    /// Counts of another set of dates (an entity's documents, say) in these same buckets; dates
    /// outside the buckets and missing dates are skipped.
    pub fn counts<I: IntoIterator<Item = Option<NaiveDate>>>(&self, dates: I) -> Vec<u32> {
        let mut out = vec![0u32; self.buckets.len()];
        let locate = self.locator();
        for d in dates.into_iter().flatten() {
            if let Some(i) = locate(d) {
                out[i] += 1;
            }
        }
        out
    }

    /// Positions (in `dates` order) of the first `limit` dates that fall in bucket `i`: with
    /// dates in result order, the top headlines to show when hovering a bar.
    pub fn members<I: IntoIterator<Item = Option<NaiveDate>>>(
        &self,
        i: usize,
        dates: I,
        limit: usize,
    ) -> Vec<usize> {
        dates
            .into_iter()
            .enumerate()
            .filter(|(_, d)| d.and_then(self.locator()) == Some(i))
            .map(|(pos, _)| pos)
            .take(limit)
            .collect()
    }

    /// For every bucket, the positions (in `dates` order) of its first `limit` dates, in one
    /// pass: [`Histogram::members`] for all buckets at once.
    pub fn top_members<I: IntoIterator<Item = Option<NaiveDate>>>(
        &self,
        dates: I,
        limit: usize,
    ) -> Vec<Vec<usize>> {
        top_in(self, &self.places_of(dates.into_iter()), limit)
    }

    /// A sentence for screen readers: `12 documents from Jan 2021 to Feb 2025, by month; most in
    /// Apr 2024 (5); 1 undated.`
    pub fn describe(&self) -> String {
        let plural = |n: u32, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let (Some(first), Some(last)) = (self.buckets.first(), self.buckets.last()) else {
            return if self.undated > 0 {
                format!("{}, none dated.", plural(self.undated, "document"))
            } else {
                "No documents.".to_string()
            };
        };
        let g = self.granularity;
        let mut s = format!(
            "{} from {} to {}, by {}",
            plural(self.dated(), "document"),
            g.bucket_label(first.start),
            g.bucket_label(last.start),
            g.as_str()
        );
        if let Some(top) = self.buckets.iter().rev().max_by_key(|b| b.count) {
            if top.count > 0 {
                let _ = write!(s, "; most in {} ({})", g.bucket_label(top.start), top.count);
            }
        }
        if self.undated > 0 {
            let _ = write!(s, "; {} undated", self.undated);
        }
        s.push('.');
        s
    }
}

/// Buckets `dates` (one per document; `None` for undated).
///
/// `granularity` is the user's choice, `None` for [`Granularity::auto`]; a choice that would need
/// more than [`MAX_BUCKETS`] buckets is coarsened. `span` fixes the axis (for instance to the
/// view's `from..=to`); without it the axis runs from the earliest to the latest date.
pub fn histogram<I>(
    dates: I,
    granularity: Option<Granularity>,
    span: Option<(NaiveDate, NaiveDate)>,
) -> Histogram
where
    I: IntoIterator<Item = Option<NaiveDate>>,
    I::IntoIter: Clone,
{
    let dates = dates.into_iter();
    let mut undated = 0u32;
    let mut range: Option<(NaiveDate, NaiveDate)> = None;
    for d in dates.clone() {
        match d {
            None => undated += 1,
            Some(d) => {
                range = Some(match range {
                    None => (d, d),
                    Some((lo, hi)) => (lo.min(d), hi.max(d)),
                })
            }
        }
    }
    let span = match span {
        Some((a, b)) => Some((a.min(b), a.max(b))),
        None => range,
    };
    let Some((min, max)) = span else {
        return Histogram {
            granularity: granularity.unwrap_or(Granularity::Month),
            buckets: Vec::new(),
            undated,
            outside: 0,
            max: 0,
        };
    };
    let g = match granularity {
        Some(g) => g.effective(min, max),
        None => Granularity::auto(min, max),
    };
    let first = g.ordinal(min);
    let n = g.bucket_count(min, max) as usize;
    let mut counts = vec![0u32; n];
    let mut outside = 0u32;
    for d in dates.flatten() {
        match usize::try_from(g.ordinal(d) - first) {
            Ok(i) if i < n => counts[i] += 1,
            _ => outside += 1,
        }
    }
    let buckets: Vec<Bucket> = counts
        .into_iter()
        .enumerate()
        .filter_map(|(i, count)| {
            let start = g.from_ordinal(first + i as i64)?;
            Some(Bucket {
                start,
                end: g.end_of(start),
                count,
            })
        })
        .collect();
    Histogram {
        granularity: g,
        max: buckets.iter().map(|b| b.count).max().unwrap_or(0),
        buckets,
        undated,
        outside,
    }
}

/// A linear map from a domain interval onto a range interval (either may be reversed, as an SVG
/// y axis is).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// Input interval.
    pub domain: (f64, f64),
    /// Output interval.
    pub range: (f64, f64),
}

impl LinearScale {
    /// Maps `domain` onto `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// Domain value to range value; a zero-width domain maps everything to the range start.
    pub fn apply(&self, x: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            r0
        } else {
            r0 + (x - d0) / (d1 - d0) * (r1 - r0)
        }
    }

    /// Range value back to domain value; a zero-width range maps everything to the domain start.
    pub fn invert(&self, y: f64) -> f64 {
        LinearScale::new(self.range, self.domain).apply(y)
    }
}

/// The "nice" step (1, 2 or 5 times a power of ten) that splits `0..=max` into about `target`
/// intervals.
pub fn nice_step(max: f64, target: usize) -> f64 {
    let target = target.max(1) as f64;
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let raw = max / target;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    // The step closest to `raw` on a log scale (thresholds at the geometric means).
    let nice = if norm >= 50f64.sqrt() {
        10.0
    } else if norm >= 10f64.sqrt() {
        5.0
    } else if norm >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    nice * mag
}

/// Count-axis ticks: `0, step, 2·step, …` up to the first tick at or above `max`, with a whole
/// 1-2-5 step giving about `target` intervals. The last tick is the top of the axis.
pub fn count_ticks(max: u32, target: usize) -> Vec<u32> {
    let step = (nice_step(f64::from(max), target).round() as u32).max(1);
    let top = max.div_ceil(step).max(1).saturating_mul(step);
    (0..=top / step).map(|k| k * step).collect()
}

/// A labelled date on the x axis.
#[derive(Clone, Debug, PartialEq)]
pub struct DateTick {
    /// The date the tick marks (the start of a day, week, month, quarter or year).
    pub date: NaiveDate,
    /// Horizontal position in pixels.
    pub x: f64,
    /// Text: `2024`, `Q2 2024`, `Apr 2024`, `2 Apr` (with the year on the first tick and when
    /// the year changes).
    pub label: String,
}

/// A labelled count on the y axis.
#[derive(Clone, Debug, PartialEq)]
pub struct CountTick {
    /// The count.
    pub value: u32,
    /// Vertical position in pixels.
    pub y: f64,
    /// Text.
    pub label: String,
}

/// A rectangle in pixels (SVG coordinates: y grows downwards).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// One bar of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Position in [`Histogram::buckets`].
    pub index: usize,
    /// First day of the bucket.
    pub start: NaiveDate,
    /// Last day of the bucket, inclusive.
    pub end: NaiveDate,
    /// Documents in the bucket.
    pub count: u32,
    /// The bar's rectangle; zero height for an empty bucket, at least 1px for a non-empty one.
    pub rect: Rect,
    /// The whole column the bucket owns (for hit areas and focus outlines).
    pub column: Rect,
    /// The bucket's name: `Apr 2024`.
    pub label: String,
}

/// Chart size and spacing, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Width of the whole SVG.
    pub width: f64,
    /// Height of the whole SVG.
    pub height: f64,
    /// Space above the plot.
    pub margin_top: f64,
    /// Space right of the plot.
    pub margin_right: f64,
    /// Space below the plot, for date labels.
    pub margin_bottom: f64,
    /// Space left of the plot, for count labels.
    pub margin_left: f64,
    /// Gap between bars (dropped when bars get too thin for it).
    pub bar_gap: f64,
    /// Least horizontal room per date label.
    pub min_label_spacing: f64,
    /// About how many count intervals the y axis gets.
    pub count_ticks: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 640.0,
            height: 160.0,
            margin_top: 8.0,
            margin_right: 8.0,
            margin_bottom: 22.0,
            margin_left: 36.0,
            bar_gap: 1.0,
            min_label_spacing: 72.0,
            count_ticks: 4,
        }
    }
}

/// Everything the SVG component draws: bars, axes and the scales to map pointer positions back.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Width of the whole SVG.
    pub width: f64,
    /// Height of the whole SVG.
    pub height: f64,
    /// The plotting area inside the margins.
    pub plot: Rect,
    /// Bucket width.
    pub granularity: Granularity,
    /// One bar per bucket, left to right.
    pub bars: Vec<Bar>,
    /// Date labels along the bottom.
    pub x_ticks: Vec<DateTick>,
    /// Count labels along the left, from 0 up to the top of the axis.
    pub y_ticks: Vec<CountTick>,
    /// Largest bucket count.
    pub max_count: u32,
    /// Count at the top of the axis (the last y tick).
    pub y_max: u32,
    /// Documents without a date, to show beside the chart.
    pub undated: u32,
    /// Documents drawn.
    pub dated: u32,
    /// Width of one bucket's column.
    pub band: f64,
    /// Count to y position.
    pub y_scale: LinearScale,
}

/// Lays out a histogram in a `opts.width` × `opts.height` SVG.
pub fn layout(hist: &Histogram, opts: &LayoutOptions) -> Chart {
    let plot = Rect {
        x: opts.margin_left,
        y: opts.margin_top,
        width: (opts.width - opts.margin_left - opts.margin_right).max(1.0),
        height: (opts.height - opts.margin_top - opts.margin_bottom).max(1.0),
    };
    let n = hist.buckets.len();
    let band = plot.width / n.max(1) as f64;
    let gap = if band > 3.0 * opts.bar_gap {
        opts.bar_gap
    } else {
        0.0
    };
    let yt = count_ticks(hist.max, opts.count_ticks);
    let y_max = yt.last().copied().unwrap_or(1);
    let bottom = plot.y + plot.height;
    let y_scale = LinearScale::new((0.0, f64::from(y_max)), (bottom, plot.y));
    let g = hist.granularity;
    let bars = hist
        .buckets
        .iter()
        .enumerate()
        .map(|(index, b)| {
            let x = plot.x + index as f64 * band;
            let mut h = bottom - y_scale.apply(f64::from(b.count));
            if b.count > 0 {
                h = h.max(1.0);
            }
            Bar {
                index,
                start: b.start,
                end: b.end,
                count: b.count,
                rect: Rect {
                    x: x + gap / 2.0,
                    y: bottom - h,
                    width: band - gap,
                    height: h,
                },
                column: Rect {
                    x,
                    y: plot.y,
                    width: band,
                    height: plot.height,
                },
                label: g.bucket_label(b.start),
            }
        })
        .collect();
    let y_ticks = yt
        .iter()
        .map(|&value| CountTick {
            value,
            y: y_scale.apply(f64::from(value)),
            label: value.to_string(),
        })
        .collect();
    let mut chart = Chart {
        width: opts.width,
        height: opts.height,
        plot,
        granularity: g,
        bars,
        x_ticks: Vec::new(),
        y_ticks,
        max_count: hist.max,
        y_max,
        undated: hist.undated,
        dated: hist.dated(),
        band,
        y_scale,
    };
    let max_ticks = ((plot.width / opts.min_label_spacing.max(1.0)).floor() as usize).max(1);
    chart.x_ticks = date_ticks(&chart, max_ticks);
    chart
}

impl Chart {
    /// Horizontal position of the start of day `d`; days inside a bucket are spread evenly over
    /// its column. `None` outside the chart's buckets.
    pub fn x_of(&self, d: NaiveDate) -> Option<f64> {
        let first = self.bars.first()?;
        let g = self.granularity;
        let i = g.ordinal(d) - g.ordinal(first.start);
        if i < 0 || i as usize >= self.bars.len() {
            return None;
        }
        let bar = &self.bars[i as usize];
        let days = (bar.end - bar.start).num_days() + 1;
        let into = (d - bar.start).num_days();
        Some(self.plot.x + (i as f64 + into as f64 / days as f64) * self.band)
    }

    /// The bucket under horizontal position `x`, if `x` is over the plot.
    pub fn bucket_at(&self, x: f64) -> Option<usize> {
        if self.bars.is_empty() || !(x >= self.plot.x && x <= self.plot.x + self.plot.width) {
            return None;
        }
        Some(self.first_column(self.columns(x)))
    }

    /// `x` in columns from the plot's left edge, clamped to the plot.
    fn columns(&self, x: f64) -> f64 {
        (x.clamp(self.plot.x, self.plot.x + self.plot.width) - self.plot.x) / self.band
    }

    /// The column a position starts in; a hair's breadth before a boundary counts as on it, so
    /// positions computed from bucket edges map back to the same bucket.
    fn first_column(&self, f: f64) -> usize {
        ((f + SNAP).floor().max(0.0) as usize).min(self.bars.len() - 1)
    }

    /// The date range a drag from `x0` to `x1` selects (either direction; positions past the
    /// plot edges are clamped): from the first day of the first bucket touched to the last day
    /// of the last one; a drag ending on a boundary does not take in the next bucket. `None`
    /// when there are no buckets.
    pub fn brush(&self, x0: f64, x1: f64) -> Option<(NaiveDate, NaiveDate)> {
        if self.bars.is_empty() || !x0.is_finite() || !x1.is_finite() {
            return None;
        }
        let (f0, f1) = (self.columns(x0.min(x1)), self.columns(x0.max(x1)));
        let i0 = self.first_column(f0);
        let last = ((f1 - SNAP).ceil() - 1.0).max(0.0) as usize;
        let i1 = last.clamp(i0, self.bars.len() - 1);
        Some((self.bars[i0].start, self.bars[i1].end))
    }

    /// The pixel span a date range covers, for drawing the current brush from the URL's
    /// `from`/`to`: whole buckets, clamped to the chart. `None` if the range misses the chart.
    pub fn brush_extent(&self, from: NaiveDate, to: NaiveDate) -> Option<(f64, f64)> {
        let (first, last) = (self.bars.first()?, self.bars.last()?);
        let (from, to) = (from.max(first.start), to.min(last.end));
        if from > to {
            return None;
        }
        let g = self.granularity;
        let i0 = (g.ordinal(from) - g.ordinal(first.start)) as f64;
        let i1 = (g.ordinal(to) - g.ordinal(first.start)) as f64;
        Some((
            self.plot.x + i0 * self.band,
            self.plot.x + (i1 + 1.0) * self.band,
        ))
    }

    /// Points of a line for per-bucket `counts` (an entity series), at the centre of each
    /// column, on the chart's count scale (values above the axis top are clamped to it).
    pub fn series_points(&self, counts: &[u32]) -> Vec<(f64, f64)> {
        counts
            .iter()
            .take(self.bars.len())
            .enumerate()
            .map(|(i, &c)| {
                (
                    self.plot.x + (i as f64 + 0.5) * self.band,
                    self.y_scale.apply(f64::from(c.min(self.y_max))),
                )
            })
            .collect()
    }
}

/// Tolerance, in columns, for positions that land on a bucket boundary.
const SNAP: f64 = 1e-6;

/// Units for date ticks, finest first: (granularity, step in that granularity).
const TICK_UNITS: [(Granularity, i64); 16] = [
    (Granularity::Day, 1),
    (Granularity::Week, 1),
    (Granularity::Week, 2),
    (Granularity::Month, 1),
    (Granularity::Quarter, 1),
    (Granularity::Month, 6),
    (Granularity::Year, 1),
    (Granularity::Year, 2),
    (Granularity::Year, 5),
    (Granularity::Year, 10),
    (Granularity::Year, 20),
    (Granularity::Year, 50),
    (Granularity::Year, 100),
    (Granularity::Year, 200),
    (Granularity::Year, 500),
    (Granularity::Year, 1000),
];

/// The finest date ticks, no finer than the bars, that fit `max_ticks` labels.
fn date_ticks(chart: &Chart, max_ticks: usize) -> Vec<DateTick> {
    let (Some(first), Some(last)) = (chart.bars.first(), chart.bars.last()) else {
        return Vec::new();
    };
    let bar_g = chart.granularity;
    for (unit, step) in TICK_UNITS {
        // Ticks must not be finer than the bars, and weeks do not divide months or years.
        if unit < bar_g || (bar_g == Granularity::Week && unit == Granularity::Day) {
            continue;
        }
        let mut ord = unit.ordinal(first.start);
        if unit.from_ordinal(ord) != Some(first.start) {
            ord += 1;
        }
        // Align to the step: every other week, January and July, every 5th year.
        while ord.rem_euclid(step) != 0 {
            ord += 1;
        }
        let mut dates = Vec::new();
        while let Some(d) = unit.from_ordinal(ord) {
            if d > last.end || dates.len() > max_ticks {
                break;
            }
            dates.push(d);
            ord += step;
        }
        if dates.len() > max_ticks || dates.is_empty() {
            continue;
        }
        let mut prev_year = None;
        return dates
            .into_iter()
            .filter_map(|d| {
                let x = chart.x_of(d)?;
                let label = match unit {
                    Granularity::Year => format!("{}", d.year()),
                    Granularity::Quarter => Granularity::Quarter.bucket_label(d),
                    Granularity::Month => Granularity::Month.bucket_label(d),
                    Granularity::Week | Granularity::Day => {
                        day_label(d, prev_year != Some(d.year()))
                    }
                };
                prev_year = Some(d.year());
                Some(DateTick { date: d, x, label })
            })
            .collect();
    }
    // Nothing natural falls inside the axis (say Feb–Jun with room for one label): name the
    // first bucket.
    vec![DateTick {
        date: first.start,
        x: chart.plot.x,
        label: first.label.clone(),
    }]
}

/// What bursts and entity series need to know about one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocFacts<'a> {
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Entities it mentions (each once).
    pub entities: &'a [EntityIdx],
}

/// The [`DocFacts`] of each of `results`, in order, from `facets`' per-document tables: what
/// [`results_timeline`] reads. Those tables lie side by side, where reading each document's
/// record for its date was a cache miss per result (2.7 ms a keystroke at 100,000 documents in
/// the wasm, 0.8 ms from the column). Never inlined, as [`results_timeline`].
#[inline(never)]
pub fn result_facts<'a>(
    facets: &'a crate::search::facets::Facets,
    results: &[crate::model::DocIdx],
) -> Vec<DocFacts<'a>> {
    results
        .iter()
        .map(|&d| DocFacts {
            date: facets.document_date(d),
            entities: facets.document_entities(d),
        })
        .collect()
}

/// Per bucket, how many of `docs` mention each entity in `entities` (one series per entity, in
/// order, on the histogram's buckets).
pub fn entity_series(hist: &Histogram, docs: &[DocFacts], entities: &[EntityIdx]) -> Vec<Vec<u32>> {
    series_in(hist, docs, &hist.places(docs), entities)
}

/// [`entity_series`] with each document's bucket already known ([`Histogram::places`]).
fn series_in(
    hist: &Histogram,
    docs: &[DocFacts],
    places: &[u32],
    entities: &[EntityIdx],
) -> Vec<Vec<u32>> {
    let mut out = vec![vec![0u32; hist.buckets.len()]; entities.len()];
    if entities.is_empty() {
        return out;
    }
    for (doc, &i) in docs.iter().zip(places) {
        if i == UNPLACED {
            continue;
        }
        for (series, e) in out.iter_mut().zip(entities) {
            if doc.entities.contains(e) {
                series[i as usize] += 1;
            }
        }
    }
    out
}

/// What the results timeline draws from one result list, each document's date and entities
/// read once: see [`results_timeline`].
#[derive(Clone, Debug, PartialEq)]
pub struct ResultsTimeline {
    /// The [`histogram`] of the documents' dates.
    pub hist: Histogram,
    /// [`entity_series`] of the requested entities.
    pub series: Vec<Vec<u32>>,
    /// [`bursts`] against the baseline.
    pub bursts: Vec<Burst>,
    /// [`Histogram::top_members`]: per bucket, the positions of its first documents.
    pub top: Vec<Vec<usize>>,
}

/// The histogram, entity series, bursts and each bucket's first `top` documents of `docs` (a
/// result list, in result order), as [`histogram`], [`entity_series`], [`bursts`] and
/// [`Histogram::top_members`] give them one by one, but placing each document in its bucket
/// once for all of them, in code compiled with the engine (the app's chart runs it on every
/// keystroke over every result).
///
/// ```
/// use chrono::NaiveDate;
/// use dossier_engine::timeline::{results_timeline, DocFacts, EntityBaseline};
/// let day = |d| NaiveDate::from_ymd_opt(2024, 1, d);
/// let docs = [
///     DocFacts { date: day(3), entities: &[0] },
///     DocFacts { date: day(20), entities: &[0, 1] },
///     DocFacts { date: None, entities: &[1] },
/// ];
/// let t = results_timeline(&docs, None, &[1], &EntityBaseline::new(&docs), 2);
/// assert_eq!(t.hist.dated(), 2);
/// assert_eq!(t.hist.undated, 1);
/// assert_eq!(t.series[0].iter().sum::<u32>(), 1);
/// ```
///
/// Never inlined: the app calls it once, and code the LTO inliner pulls into the app is
/// optimised for size (the app's opt-level `z`) rather than the engine's `s`.
#[inline(never)]
pub fn results_timeline(
    docs: &[DocFacts],
    granularity: Option<Granularity>,
    series: &[EntityIdx],
    baseline: &EntityBaseline,
    top: usize,
) -> ResultsTimeline {
    let hist = histogram(docs.iter().map(|d| d.date), granularity, None);
    let places = hist.places(docs);
    ResultsTimeline {
        series: series_in(&hist, docs, &places, series),
        bursts: bursts_in(&hist, docs, &places, baseline),
        top: top_in(&hist, &places, top),
        hist,
    }
}

/// [`Histogram::top_members`] with each document's bucket already known.
fn top_in(hist: &Histogram, places: &[u32], limit: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); hist.buckets.len()];
    let mut full = 0;
    for (pos, &i) in places.iter().enumerate() {
        if full == out.len() || limit == 0 {
            break;
        }
        if i == UNPLACED {
            continue;
        }
        let members = &mut out[i as usize];
        if members.len() < limit {
            members.push(pos);
            if members.len() == limit {
                full += 1;
            }
        }
    }
    out
}

/// [`Histogram::places`]' mark for a document in no bucket (undated, or outside the span).
const UNPLACED: u32 = u32::MAX;

/// How many documents of the whole corpus mention each entity: the baseline bursts are
/// compared against. Build once per corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityBaseline {
    /// Documents in the corpus.
    pub documents: u32,
    /// Documents mentioning each entity.
    pub entity_documents: HashMap<EntityIdx, u32>,
}

impl EntityBaseline {
    /// The baseline of a whole corpus, from its entities' document lists.
    pub fn of(corpus: &crate::model::Corpus) -> EntityBaseline {
        EntityBaseline {
            documents: corpus.documents.len() as u32,
            entity_documents: corpus
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (i as EntityIdx, e.documents.len() as u32))
                .collect(),
        }
    }

    /// Counts over every document of the corpus.
    pub fn new(docs: &[DocFacts]) -> EntityBaseline {
        let mut entity_documents = HashMap::new();
        for doc in docs {
            for e in doc.entities {
                *entity_documents.entry(*e).or_insert(0) += 1;
            }
        }
        EntityBaseline {
            documents: docs.len() as u32,
            entity_documents,
        }
    }
}

/// Buckets on each side a bucket is compared with.
pub const BURST_WINDOW: usize = 3;
/// Fewest documents a bucket needs to be a burst.
pub const BURST_MIN_COUNT: u32 = 3;
/// Entities named per burst.
pub const BURST_DRIVERS: usize = 3;

/// An entity that drives a burst.
#[derive(Clone, Debug, PartialEq)]
pub struct Driver {
    /// The entity.
    pub entity: EntityIdx,
    /// Documents in the burst bucket that mention it.
    pub documents: u32,
    /// Its share of the bucket's documents over its share of the corpus.
    pub lift: f64,
}

/// A bucket whose count jumps well above its neighbours.
#[derive(Clone, Debug, PartialEq)]
pub struct Burst {
    /// Position in [`Histogram::buckets`].
    pub bucket: usize,
    /// Documents in the bucket.
    pub count: u32,
    /// Mean count of the neighbouring buckets.
    pub expected: f64,
    /// The entities most over-represented in the bucket, strongest first.
    pub drivers: Vec<Driver>,
}

/// Positions of buckets that stand out: at least [`BURST_MIN_COUNT`] documents, at least twice
/// the mean of the up to [`BURST_WINDOW`] buckets on each side, and at least that mean plus two
/// standard deviations. Needs two or more neighbours.
pub fn burst_buckets(counts: &[u32]) -> Vec<usize> {
    (0..counts.len())
        .filter(|&i| {
            let c = f64::from(counts[i]);
            if counts[i] < BURST_MIN_COUNT {
                return false;
            }
            let lo = i.saturating_sub(BURST_WINDOW);
            let hi = (i + BURST_WINDOW + 1).min(counts.len());
            let neighbours: Vec<f64> = (lo..hi)
                .filter(|&j| j != i)
                .map(|j| f64::from(counts[j]))
                .collect();
            if neighbours.len() < 2 {
                return false;
            }
            let n = neighbours.len() as f64;
            let mean = neighbours.iter().sum::<f64>() / n;
            let var = neighbours.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
            c >= 2.0 * mean && c >= mean + 2.0 * var.sqrt()
        })
        .collect()
}

/// Bursts of `docs` (the current results) on `hist` (built from the same documents), each
/// labelled with the entities most over-represented in its bucket compared with `baseline`.
/// A driver needs two documents in the bucket and a lift above 1; drivers rank by
/// `documents × ln(lift)`, then by entity for a stable order.
pub fn bursts(hist: &Histogram, docs: &[DocFacts], baseline: &EntityBaseline) -> Vec<Burst> {
    bursts_in(hist, docs, &hist.places(docs), baseline)
}

/// [`bursts`] with each document's bucket already known ([`Histogram::places`]).
fn bursts_in(
    hist: &Histogram,
    docs: &[DocFacts],
    places: &[u32],
    baseline: &EntityBaseline,
) -> Vec<Burst> {
    let counts: Vec<u32> = hist.buckets.iter().map(|b| b.count).collect();
    let found = burst_buckets(&counts);
    if found.is_empty() {
        return Vec::new();
    }
    // The documents of each burst bucket, found by bucket position without hashing.
    let mut slot: Vec<Option<usize>> = vec![None; counts.len()];
    for (k, &i) in found.iter().enumerate() {
        slot[i] = Some(k);
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); found.len()];
    for (pos, &i) in places.iter().enumerate() {
        if let Some(k) = slot.get(i as usize).copied().flatten() {
            members[k].push(pos);
        }
    }
    // Entity tallies one bucket at a time in one dense array, cleared through the entries
    // touched (a burst of a large result list holds thousands of documents).
    let mut tally: Vec<u32> = Vec::new();
    let mut touched: Vec<EntityIdx> = Vec::new();
    found
        .into_iter()
        .zip(members)
        .map(|(i, members)| {
            for &pos in &members {
                for &e in docs[pos].entities {
                    let e_at = e as usize;
                    if e_at >= tally.len() {
                        tally.resize(e_at + 1, 0);
                    }
                    if tally[e_at] == 0 {
                        touched.push(e);
                    }
                    tally[e_at] += 1;
                }
            }
            let n_w = f64::from(counts[i]);
            let total = f64::from(baseline.documents.max(1));
            let mut drivers: Vec<Driver> = Vec::new();
            for e in touched.drain(..) {
                let w = std::mem::take(&mut tally[e as usize]);
                if w < 2 {
                    continue;
                }
                let c = baseline
                    .entity_documents
                    .get(&e)
                    .copied()
                    .unwrap_or(0)
                    .max(w);
                let lift = (f64::from(w) / n_w) / (f64::from(c) / total);
                if lift > 1.0 {
                    drivers.push(Driver {
                        entity: e,
                        documents: w,
                        lift,
                    });
                }
            }
            let score = |d: &Driver| f64::from(d.documents) * d.lift.ln();
            crate::sort::sort_by(&mut drivers, |a, b| {
                score(b).total_cmp(&score(a)).then(a.entity.cmp(&b.entity))
            });
            drivers.truncate(BURST_DRIVERS);
            let lo = i.saturating_sub(BURST_WINDOW);
            let hi = (i + BURST_WINDOW + 1).min(counts.len());
            let neighbours: Vec<u32> = (lo..hi).filter(|&j| j != i).map(|j| counts[j]).collect();
            Burst {
                bucket: i,
                count: counts[i],
                expected: f64::from(neighbours.iter().sum::<u32>()) / neighbours.len() as f64,
                drivers,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_date_reads_like_strftime_day_month_year() {
        let mut d = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..800 {
            assert_eq!(human_date(d), d.format("%-d %b %Y").to_string());
            d = d + chrono::Days::new(13);
        }
        assert_eq!(
            human_date(NaiveDate::from_ymd_opt(2024, 9, 1).unwrap()),
            "1 Sep 2024"
        );
    }

    #[test]
    fn top_members_agree_with_members_per_bucket() {
        let dates: Vec<Option<NaiveDate>> = [
            "2021-01-26",
            "2021-02-10",
            "2021-01-02",
            "2024-04-02",
            "2021-01-30",
            "2021-01-05",
        ]
        .iter()
        .map(|s| Some(d(s)))
        .chain([None])
        .collect();
        let hist = histogram(dates.iter().copied(), Some(Granularity::Month), None);
        let top = hist.top_members(dates.iter().copied(), 2);
        assert_eq!(top.len(), hist.buckets.len());
        for (i, members) in top.iter().enumerate() {
            assert_eq!(
                *members,
                hist.members(i, dates.iter().copied(), 2),
                "bucket {i}"
            );
        }
        assert_eq!(top[0], [0, 2]);
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn seeds() -> Vec<Option<NaiveDate>> {
        [
            "2021-01-26",
            "2021-02-10",
            "2024-04-02",
            "2024-04-03",
            "2025-02-11",
        ]
        .iter()
        .map(|s| Some(d(s)))
        .collect()
    }

    #[test]
    fn seeds_at_month_granularity_have_four_non_empty_buckets() {
        let mut dates = seeds();
        dates.push(None);
        let h = histogram(dates.iter().copied(), Some(Granularity::Month), None);
        assert_eq!(h.granularity, Granularity::Month);
        let non_empty: Vec<(String, u32)> = h
            .buckets
            .iter()
            .filter(|b| b.count > 0)
            .map(|b| (b.start.format("%Y-%m").to_string(), b.count))
            .collect();
        assert_eq!(
            non_empty,
            vec![
                ("2021-01".into(), 1),
                ("2021-02".into(), 1),
                ("2024-04".into(), 2),
                ("2025-02".into(), 1)
            ]
        );
        // Contiguous: Jan 2021 ..= Feb 2025 is 50 months, empty ones included.
        assert_eq!(h.buckets.len(), 50);
        assert_eq!((h.undated, h.outside, h.max, h.dated()), (1, 0, 2, 5));
        for pair in h.buckets.windows(2) {
            assert_eq!(pair[0].end.succ_opt(), Some(pair[1].start));
        }
        // The seeds' span picks months on its own too.
        assert_eq!(
            histogram(seeds(), None, None).granularity,
            Granularity::Month
        );
    }

    #[test]
    fn bucket_boundaries() {
        let g = Granularity::Week;
        assert_eq!(g.start_of(d("2024-04-03")), d("2024-04-01"));
        assert_eq!(g.end_of(d("2024-04-03")), d("2024-04-07"));
        assert_eq!(g.start_of(d("2025-01-01")), d("2024-12-30"));
        assert_eq!(g.start_of(d("2024-04-01")), d("2024-04-01"));
        assert_eq!(Granularity::Month.end_of(d("2024-02-10")), d("2024-02-29"));
        assert_eq!(
            Granularity::Quarter.start_of(d("2024-05-17")),
            d("2024-04-01")
        );
        assert_eq!(
            Granularity::Quarter.end_of(d("2024-05-17")),
            d("2024-06-30")
        );
        assert_eq!(Granularity::Year.end_of(d("2024-05-17")), d("2024-12-31"));
        assert_eq!(Granularity::Day.end_of(d("2024-05-17")), d("2024-05-17"));
        let mut day = d("1999-12-20");
        while day < d("2001-01-10") {
            for g in Granularity::ALL {
                let start = g.start_of(day);
                assert_eq!(g.from_ordinal(g.ordinal(day)), Some(start), "{g:?} {day}");
                assert!(start <= day && day <= g.end_of(day));
                assert_eq!(
                    g.ordinal(g.end_of(day).succ_opt().unwrap()),
                    g.ordinal(day) + 1
                );
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(Granularity::Week.start_of(d("0001-01-03")), d("0001-01-01"));
        assert_eq!(
            Granularity::Week.start_of(d("-0005-06-01")).weekday(),
            Weekday::Mon
        );
        assert_eq!(Granularity::Year.end_of(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn auto_granularity_targets_a_readable_bucket_count() {
        let auto = |a, b| Granularity::auto(d(a), d(b));
        assert_eq!(auto("2024-04-02", "2024-04-05"), Granularity::Day);
        assert_eq!(auto("2024-01-01", "2024-02-29"), Granularity::Day);
        assert_eq!(auto("2024-01-01", "2024-06-30"), Granularity::Week);
        assert_eq!(auto("2021-01-26", "2025-02-11"), Granularity::Month);
        assert_eq!(auto("2015-01-01", "2024-12-31"), Granularity::Quarter);
        assert_eq!(auto("1900-01-01", "2024-12-31"), Granularity::Year);
        // Fifty years: 600 months are too many bars, 200 quarters fit.
        assert_eq!(
            Granularity::Day.effective(d("1975-01-01"), d("2024-12-31")),
            Granularity::Quarter
        );
        // Ten years: 522 weeks would be bars under 3 px, so a week request draws months.
        assert_eq!(
            Granularity::Week.effective(d("2015-01-01"), d("2024-12-31")),
            Granularity::Month
        );
        assert!(
            !Granularity::choices(d("2015-01-01"), d("2024-12-31")).contains(&Granularity::Week)
        );
        assert_eq!(
            Granularity::Week.effective(d("2024-01-01"), d("2024-12-31")),
            Granularity::Week
        );
        assert_eq!(
            Granularity::choices(d("2024-04-02"), d("2024-04-03")),
            vec![Granularity::Day, Granularity::Year]
        );
    }

    #[test]
    fn labels() {
        let s = d("2024-04-01");
        assert_eq!(Granularity::Year.bucket_label(s), "2024");
        assert_eq!(Granularity::Quarter.bucket_label(s), "Q2 2024");
        assert_eq!(Granularity::Month.bucket_label(s), "Apr 2024");
        assert_eq!(Granularity::Week.bucket_label(s), "week of 1 Apr 2024");
        assert_eq!(Granularity::Day.bucket_label(d("2024-04-02")), "2 Apr 2024");
    }

    #[test]
    fn span_fixes_the_axis_and_counts_what_falls_outside() {
        let h = histogram(
            seeds(),
            Some(Granularity::Month),
            Some((d("2024-12-31"), d("2024-01-15"))),
        );
        assert_eq!(h.buckets.len(), 12);
        assert_eq!(h.buckets[0].start, d("2024-01-01"));
        assert_eq!((h.dated(), h.outside), (2, 3));
        assert_eq!(h.index_of(d("2024-04-30")), Some(3));
        assert_eq!(h.index_of(d("2025-01-01")), None);
        assert_eq!(h.index_of(d("2023-12-31")), None);
    }

    #[test]
    fn no_dates_gives_no_buckets() {
        let h = histogram([None, None], None, None);
        assert!(h.buckets.is_empty());
        assert_eq!(h.undated, 2);
        assert_eq!(h.describe(), "2 documents, none dated.");
        let c = layout(&h, &LayoutOptions::default());
        assert!(c.bars.is_empty() && c.x_ticks.is_empty());
        assert_eq!(c.brush(0.0, 100.0), None);
        assert_eq!(c.bucket_at(100.0), None);
        assert_eq!(histogram([], None, None).describe(), "No documents.");
    }

    #[test]
    fn describe_for_screen_readers() {
        let mut dates = seeds();
        dates.push(None);
        let h = histogram(dates, None, None);
        assert_eq!(
            h.describe(),
            "5 documents from Jan 2021 to Feb 2025, by month; most in Apr 2024 (2); 1 undated."
        );
    }

    #[test]
    fn linear_scale_maps_and_inverts() {
        let s = LinearScale::new((0.0, 10.0), (150.0, 10.0));
        assert_eq!(s.apply(0.0), 150.0);
        assert_eq!(s.apply(10.0), 10.0);
        assert_eq!(s.apply(5.0), 80.0);
        assert_eq!(s.invert(80.0), 5.0);
        let flat = LinearScale::new((3.0, 3.0), (0.0, 100.0));
        assert_eq!(flat.apply(7.0), 0.0);
        assert_eq!(flat.invert(50.0), 3.0);
    }

    #[test]
    fn nice_count_ticks() {
        assert_eq!(count_ticks(0, 4), vec![0, 1]);
        assert_eq!(count_ticks(1, 4), vec![0, 1]);
        assert_eq!(count_ticks(3, 4), vec![0, 1, 2, 3]);
        assert_eq!(count_ticks(7, 4), vec![0, 2, 4, 6, 8]);
        assert_eq!(count_ticks(20, 4), vec![0, 5, 10, 15, 20]);
        assert_eq!(count_ticks(1000, 4), vec![0, 200, 400, 600, 800, 1000]);
        assert_eq!(count_ticks(1001, 4).last(), Some(&1200));
        assert_eq!(nice_step(0.0, 4), 1.0);
        assert_eq!(nice_step(f64::NAN, 4), 1.0);
        assert_eq!(nice_step(0.3, 3), 0.1);
        assert_eq!(count_ticks(u32::MAX, 4).len(), 5, "no overflow");
        for max in 0..500 {
            let t = count_ticks(max, 5);
            assert!(*t.last().unwrap() >= max && t.len() <= 11, "{max}: {t:?}");
        }
    }

    #[test]
    fn layout_places_bars_and_axes() {
        let h = histogram(seeds(), Some(Granularity::Month), None);
        let opts = LayoutOptions::default();
        let c = layout(&h, &opts);
        assert_eq!(c.bars.len(), 50);
        assert_eq!(
            c.plot,
            Rect {
                x: 36.0,
                y: 8.0,
                width: 596.0,
                height: 130.0
            }
        );
        assert!((c.band - 596.0 / 50.0).abs() < 1e-9);
        let apr = &c.bars[39];
        assert_eq!((apr.label.as_str(), apr.count), ("Apr 2024", 2));
        // The tallest bar reaches the top of the axis (y_max == max here).
        assert_eq!(c.y_max, 2);
        assert_eq!((apr.rect.y, apr.rect.height), (8.0, 130.0));
        assert!((apr.rect.x - (36.0 + 39.0 * c.band + 0.5)).abs() < 1e-9);
        assert!((apr.rect.width - (c.band - 1.0)).abs() < 1e-9);
        let jan = &c.bars[0];
        assert_eq!((jan.rect.height, jan.rect.y), (65.0, 73.0));
        assert_eq!(c.bars[1].count, 1);
        assert_eq!(c.bars[2].rect.height, 0.0);
        let labels: Vec<&str> = c.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, vec!["2021", "2022", "2023", "2024", "2025"]);
        assert_eq!(c.x_ticks[0].x, 36.0);
        assert!((c.x_ticks[1].x - (36.0 + 12.0 * c.band)).abs() < 1e-9);
        let y: Vec<(u32, f64)> = c.y_ticks.iter().map(|t| (t.value, t.y)).collect();
        assert_eq!(y, vec![(0, 138.0), (1, 73.0), (2, 8.0)]);
        assert_eq!((c.undated, c.dated, c.max_count), (0, 5, 2));
    }

    #[test]
    fn tiny_counts_stay_visible() {
        let mut dates = vec![Some(d("2024-01-01"))];
        dates.extend(std::iter::repeat_n(Some(d("2024-01-02")), 1000));
        let c = layout(
            &histogram(dates, Some(Granularity::Day), None),
            &LayoutOptions::default(),
        );
        assert_eq!(c.bars[0].rect.height, 1.0);
    }

    #[test]
    fn date_tick_labels_follow_the_span() {
        let labels = |a: &str, b: &str, g, width| {
            let h = histogram([Some(d(a)), Some(d(b))], Some(g), None);
            let c = layout(
                &h,
                &LayoutOptions {
                    width,
                    ..LayoutOptions::default()
                },
            );
            c.x_ticks.into_iter().map(|t| t.label).collect::<Vec<_>>()
        };
        assert_eq!(
            labels("2024-04-02", "2024-04-04", Granularity::Day, 640.0),
            vec!["2 Apr 2024", "3 Apr", "4 Apr"]
        );
        assert_eq!(
            labels("2024-12-30", "2025-01-01", Granularity::Day, 640.0),
            vec!["30 Dec 2024", "31 Dec", "1 Jan 2025"]
        );
        assert_eq!(
            labels("2024-01-10", "2024-05-10", Granularity::Month, 640.0),
            vec!["Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024"]
        );
        assert_eq!(
            labels("2023-01-10", "2024-12-10", Granularity::Month, 640.0),
            vec![
                "Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023", "Q1 2024", "Q2 2024", "Q3 2024",
                "Q4 2024"
            ]
        );
        assert_eq!(
            labels("2023-01-10", "2024-12-10", Granularity::Month, 400.0),
            vec!["Jan 2023", "Jul 2023", "Jan 2024", "Jul 2024"]
        );
        // Weekly bars: every other week when weeks do not fit, then months placed inside the
        // week that holds the 1st.
        let h = histogram(
            [Some(d("2024-03-20")), Some(d("2024-05-20"))],
            Some(Granularity::Week),
            None,
        );
        let c = layout(&h, &LayoutOptions::default());
        let ticks: Vec<&str> = c.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            ticks,
            vec!["18 Mar 2024", "1 Apr", "15 Apr", "29 Apr", "13 May"]
        );
        let narrow = LayoutOptions {
            width: 300.0,
            ..LayoutOptions::default()
        };
        let c = layout(&h, &narrow);
        let ticks: Vec<(&str, f64)> = c.x_ticks.iter().map(|t| (t.label.as_str(), t.x)).collect();
        // 2024-03-18 is the first Monday; 1 May is the Wednesday of the 7th week.
        assert_eq!(ticks[0], ("Apr 2024", c.plot.x + 2.0 * c.band));
        assert_eq!(ticks[1].0, "May 2024");
        assert!((ticks[1].1 - (c.plot.x + (6.0 + 2.0 / 7.0) * c.band)).abs() < 1e-9);
        // Room for one label: a quarter start if one is inside, else the first bucket's name.
        assert_eq!(
            labels("2024-02-10", "2024-05-10", Granularity::Month, 110.0),
            vec!["Q2 2024"]
        );
        assert_eq!(
            labels("2024-02-10", "2024-03-10", Granularity::Month, 110.0),
            vec!["Feb 2024"]
        );
        assert_eq!(
            labels("1024-02-10", "2024-05-10", Granularity::Year, 640.0),
            vec!["1200", "1400", "1600", "1800", "2000"]
        );
    }

    #[test]
    fn brush_snaps_to_bucket_boundaries() {
        let h = histogram(seeds(), Some(Granularity::Month), None);
        let c = layout(
            &h,
            &LayoutOptions {
                width: 500.0 + 36.0 + 8.0,
                ..LayoutOptions::default()
            },
        );
        assert_eq!(c.band, 10.0);
        let x = |i: f64| 36.0 + i * 10.0;
        // Inside one bucket: that month.
        assert_eq!(
            c.brush(x(39.2), x(39.8)),
            Some((d("2024-04-01"), d("2024-04-30")))
        );
        // Right to left over three buckets.
        assert_eq!(
            c.brush(x(41.5), x(39.5)),
            Some((d("2024-04-01"), d("2024-06-30")))
        );
        // Ending exactly on a boundary does not take the next month.
        assert_eq!(
            c.brush(x(39.5), x(41.0)),
            Some((d("2024-04-01"), d("2024-05-31")))
        );
        // Past the edges: clamped to the first and last buckets.
        assert_eq!(
            c.brush(-50.0, 9999.0),
            Some((d("2021-01-01"), d("2025-02-28")))
        );
        assert_eq!(c.brush(f64::NAN, 10.0), None);
        assert_eq!(c.bucket_at(x(39.5)), Some(39));
        assert_eq!(c.bucket_at(x(50.0)), Some(49));
        assert_eq!(c.bucket_at(x(-0.1)), None);
        assert_eq!(h.bucket_range(39), Some((d("2024-04-01"), d("2024-04-30"))));
        assert_eq!(h.bucket_range(50), None);
        // The URL's range draws back as whole buckets, and re-brushing it gives the same range.
        let (x0, x1) = c.brush_extent(d("2024-04-05"), d("2024-06-02")).unwrap();
        assert_eq!((x0, x1), (x(39.0), x(42.0)));
        assert_eq!(c.brush(x0, x1), Some((d("2024-04-01"), d("2024-06-30"))));
        assert_eq!(c.brush_extent(d("2030-01-01"), d("2031-01-01")), None);
        assert_eq!(c.x_of(d("2024-04-16")), Some(x(39.5)));
        assert_eq!(c.x_of(d("2026-01-01")), None);
    }

    #[test]
    fn entity_series_count_documents_per_bucket() {
        let h = histogram(seeds(), Some(Granularity::Year), None);
        let (nato, rutte) = ([1u32, 2], [2u32]);
        let docs = [
            DocFacts {
                date: Some(d("2021-01-26")),
                entities: &nato,
            },
            DocFacts {
                date: Some(d("2024-04-02")),
                entities: &rutte,
            },
            DocFacts {
                date: Some(d("2024-04-03")),
                entities: &nato,
            },
            DocFacts {
                date: None,
                entities: &nato,
            },
        ];
        assert_eq!(
            entity_series(&h, &docs, &[1, 2, 9]),
            vec![vec![1, 0, 0, 1, 0], vec![1, 0, 0, 2, 0], vec![0; 5]]
        );
        let c = layout(&h, &LayoutOptions::default());
        let pts = c.series_points(&[1, 0, 0, 2, 0]);
        assert_eq!(pts.len(), 5);
        assert_eq!(pts[3].1, c.y_scale.apply(2.0));
        assert!((pts[0].0 - (c.plot.x + c.band / 2.0)).abs() < 1e-9);
        assert_eq!(h.counts(docs.iter().map(|d| d.date)), vec![1, 0, 0, 2, 0]);
        assert_eq!(h.members(3, docs.iter().map(|d| d.date), 5), vec![1, 2]);
        assert_eq!(h.members(3, docs.iter().map(|d| d.date), 1), vec![1]);
    }

    #[test]
    fn burst_detection() {
        assert_eq!(burst_buckets(&[1, 1, 1, 9, 1, 1, 1]), vec![3]);
        assert_eq!(burst_buckets(&[5, 5, 5, 5, 5]), Vec::<usize>::new());
        assert_eq!(
            burst_buckets(&[0, 0, 2, 0, 0]),
            Vec::<usize>::new(),
            "too few"
        );
        assert_eq!(burst_buckets(&[0, 0, 3, 0, 0]), vec![2]);
        assert_eq!(
            burst_buckets(&[4, 6, 8, 10, 12, 14]),
            Vec::<usize>::new(),
            "a trend"
        );
        assert_eq!(burst_buckets(&[9, 1, 1, 1]), vec![0], "edges use one side");
        assert_eq!(burst_buckets(&[9, 1]), Vec::<usize>::new(), "one neighbour");
        assert_eq!(burst_buckets(&[2, 3, 2, 9, 3, 2, 3, 2, 20, 2]), vec![3, 8]);
    }

    #[test]
    fn bursts_are_labelled_by_over_represented_entities() {
        // Entity 1 is in every document; 7 only turns up in the June burst; 8 once.
        let (all, burst, once) = ([1u32], [1u32, 7], [1u32, 7, 8]);
        let mut docs = Vec::new();
        for m in 1..=12 {
            docs.push(DocFacts {
                date: Some(NaiveDate::from_ymd_opt(2024, m, 3).unwrap()),
                entities: &all,
            });
        }
        for day in 10..15 {
            docs.push(DocFacts {
                date: Some(NaiveDate::from_ymd_opt(2024, 6, day).unwrap()),
                entities: if day == 10 { &once } else { &burst },
            });
        }
        let baseline = EntityBaseline::new(&docs);
        assert_eq!(baseline.documents, 17);
        let h = histogram(docs.iter().map(|d| d.date), Some(Granularity::Month), None);
        let found = bursts(&h, &docs, &baseline);
        assert_eq!(found.len(), 1);
        let b = &found[0];
        assert_eq!((b.bucket, b.count, b.expected), (5, 6, 1.0));
        assert_eq!(b.drivers.len(), 1, "{:?}", b.drivers);
        assert_eq!((b.drivers[0].entity, b.drivers[0].documents), (7, 5));
        assert!((b.drivers[0].lift - (5.0 / 6.0) / (5.0 / 17.0)).abs() < 1e-9);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn date() -> impl Strategy<Value = NaiveDate> {
            (-2000i32..=3000, 1u32..=365).prop_map(|(y, o)| NaiveDate::from_yo_opt(y, o).unwrap())
        }

        fn granularity() -> impl Strategy<Value = Option<Granularity>> {
            proptest::option::of(proptest::sample::select(Granularity::ALL.to_vec()))
        }

        /// Dates over three years, so result lists crowd into buckets and some burst.
        fn near_date() -> impl Strategy<Value = NaiveDate> {
            (2020i32..=2022, 1u32..=365).prop_map(|(y, o)| NaiveDate::from_yo_opt(y, o).unwrap())
        }

        proptest! {
            /// The one-pass [`results_timeline`] gives what the histogram, a by-hand count of
            /// the series, [`Histogram::top_members`] and a by-hand tally of each burst's
            /// entities give.
            #[test]
            fn results_timeline_agrees_with_its_parts(
                raw in proptest::collection::vec(
                    (proptest::option::of(near_date()), proptest::collection::btree_set(0u32..12, 0..5)),
                    0..120,
                ),
                g in granularity(),
                series in proptest::collection::vec(0u32..12, 0..3),
                top in 0usize..4,
            ) {
                let lists: Vec<Vec<EntityIdx>> = raw.iter().map(|(_, e)| e.iter().copied().collect()).collect();
                let docs: Vec<DocFacts> = raw
                    .iter()
                    .zip(&lists)
                    .map(|((date, _), entities)| DocFacts { date: *date, entities })
                    .collect();
                // The baseline of a larger corpus, so some entities are over-represented.
                let baseline = EntityBaseline {
                    documents: 10 * docs.len() as u32,
                    entity_documents: (0..12).map(|e| (e, 1 + 7 * e)).collect(),
                };
                let t = results_timeline(&docs, g, &series, &baseline, top);
                let h = histogram(docs.iter().map(|d| d.date), g, None);
                prop_assert_eq!(&t.hist, &h);
                let place = |d: &DocFacts| d.date.and_then(|x| h.index_of(x));
                for (s, e) in t.series.iter().zip(&series) {
                    for (i, &n) in s.iter().enumerate() {
                        let want = docs.iter().filter(|d| place(d) == Some(i) && d.entities.contains(e)).count();
                        prop_assert_eq!(n as usize, want);
                    }
                }
                prop_assert_eq!(t.series.len(), series.len());
                prop_assert_eq!(t.top.len(), h.buckets.len());
                for (i, members) in t.top.iter().enumerate() {
                    prop_assert_eq!(members, &h.members(i, docs.iter().map(|d| d.date), top));
                }
                let counts: Vec<u32> = h.buckets.iter().map(|b| b.count).collect();
                let found = burst_buckets(&counts);
                prop_assert_eq!(t.bursts.iter().map(|b| b.bucket).collect::<Vec<_>>(), found);
                for b in &t.bursts {
                    let mut tally = std::collections::BTreeMap::new();
                    for d in docs.iter().filter(|d| place(d) == Some(b.bucket)) {
                        for &e in d.entities {
                            *tally.entry(e).or_insert(0u32) += 1;
                        }
                    }
                    let n_w = f64::from(b.count);
                    let total = f64::from(baseline.documents);
                    let mut want: Vec<(EntityIdx, u32, f64)> = tally
                        .into_iter()
                        .filter(|&(_, w)| w >= 2)
                        .map(|(e, w)| {
                            let c = baseline.entity_documents[&e].max(w);
                            (e, w, (f64::from(w) / n_w) / (f64::from(c) / total))
                        })
                        .filter(|x| x.2 > 1.0)
                        .collect();
                    want.sort_by(|a, b| {
                        (f64::from(b.1) * b.2.ln()).total_cmp(&(f64::from(a.1) * a.2.ln())).then(a.0.cmp(&b.0))
                    });
                    want.truncate(BURST_DRIVERS);
                    let got: Vec<(EntityIdx, u32, f64)> = b.drivers.iter().map(|d| (d.entity, d.documents, d.lift)).collect();
                    prop_assert_eq!(got, want);
                }
            }

            #[test]
            fn buckets_are_contiguous_and_count_everything(
                dates in proptest::collection::vec(proptest::option::of(date()), 0..60),
                g in granularity(),
            ) {
                let h = histogram(dates.iter().copied(), g, None);
                prop_assert_eq!(h.undated as usize, dates.iter().filter(|d| d.is_none()).count());
                prop_assert_eq!(h.dated() as usize + h.undated as usize, dates.len());
                prop_assert_eq!(h.outside, 0);
                prop_assert!(h.buckets.len() as i64 <= MAX_BUCKETS.max(6000));
                if g.is_none() && h.granularity != Granularity::Year {
                    prop_assert!(h.buckets.len() as i64 <= TARGET_MAX_BUCKETS);
                }
                for pair in h.buckets.windows(2) {
                    prop_assert_eq!(pair[0].end.succ_opt(), Some(pair[1].start));
                }
                for d in dates.iter().flatten() {
                    let i = h.index_of(*d).unwrap();
                    prop_assert!(h.buckets[i].start <= *d && *d <= h.buckets[i].end);
                }
            }

            #[test]
            fn brushing_gives_whole_buckets_in_order(
                a in date(), b in date(), g in granularity(),
                x0 in -100.0f64..800.0, x1 in -100.0f64..800.0,
            ) {
                let h = histogram([Some(a), Some(b)], g, None);
                let c = layout(&h, &LayoutOptions::default());
                let (from, to) = c.brush(x0, x1).unwrap();
                prop_assert!(from <= to);
                let g = h.granularity;
                prop_assert_eq!(g.start_of(from), from);
                prop_assert_eq!(g.end_of(to), to);
                prop_assert_eq!(c.brush(x1, x0), Some((from, to)));
                // Drawing the range back and brushing it again is stable.
                let (e0, e1) = c.brush_extent(from, to).unwrap();
                prop_assert_eq!(c.brush(e0, e1), Some((from, to)));
                // Positions grow with dates.
                let (p, q) = (c.x_of(from).unwrap(), c.x_of(to).unwrap());
                prop_assert!(p <= q);
                for t in c.x_ticks.windows(2) {
                    prop_assert!(t[0].x < t[1].x && t[0].date < t[1].date);
                }
            }
        }
    }
}
