//! Gazetteers and word classes: places, demonyms and given names from registry packages, plus the
//! small closed classes of English that every news text shares (weekdays, roles, cue words).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A sovereign state or territory.
    Country,
    /// A capital city.
    Capital,
    /// A city of at least 250,000 people.
    City,
    /// A first-level region: a US state, a UK nation, a province or state elsewhere.
    Region,
    /// A continent.
    Continent,
}

/// A place in the gazetteer.
#[derive(Clone, Debug)]
pub struct Place {
    /// Its common English name.
    pub name: String,
    /// Country, capital, city, region or continent.
    pub kind: PlaceKind,
}

/// The loaded gazetteers.
pub struct Gazetteer {
    /// Folded name or alternate name -> place index.
    pub places: HashMap<String, usize>,
    /// All places.
    pub entries: Vec<Place>,
    /// Folded demonym (`lithuanian`, `dutch`) -> index of its country.
    pub demonyms: HashMap<String, usize>,
    /// Given names, as written (`Mark`, `Julianne`).
    pub given: HashSet<String>,
    /// Every folded word of a multi-word place name (`herzegovina`, `islands`).
    pub place_words: HashSet<String>,
}

/// The gazetteers, parsed once from the data files embedded at compile time.
pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer {
            places: HashMap::new(),
            entries: Vec::new(),
            demonyms: HashMap::new(),
            given: HashSet::new(),
            place_words: HashSet::new(),
        };
        let mut abbreviated = Vec::new();
        for line in include_str!("../../data/places.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(name), Some(alts), Some(dems), Some(kind)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let kind = match kind {
                // `USSR`, `Zaire`: a former country is read as a country is.
                "country" | "former-country" => PlaceKind::Country,
                "capital" => PlaceKind::Capital,
                // A world region (`Western Europe`, `Middle East`) is read as a continent is.
                "continent" | "world-region" => PlaceKind::Continent,
                "region" => PlaceKind::Region,
                _ => PlaceKind::City,
            };
            let idx = g.entries.len();
            g.entries.push(Place {
                name: name.to_string(),
                kind,
            });
            for n in std::iter::once(name).chain(alts.split('|').filter(|a| !a.is_empty())) {
                // Countries win over cities of the same name.
                let f = super::fold(n);
                // `Saint` is written `St.`; a place listed under `St.` itself keeps that name
                // (`St. Petersburg`, Florida), so the abbreviations are added after every name.
                let rest = f.strip_prefix("saint ").or_else(|| f.strip_prefix("st. "));
                if let Some(rest) = rest {
                    abbreviated.push((format!("st {rest}"), idx));
                    abbreviated.push((format!("st. {rest}"), idx));
                }
                g.places.entry(f).or_insert(idx);
            }
            for d in dems.split('|').filter(|d| !d.is_empty()) {
                g.demonyms.entry(super::fold(d)).or_insert(idx);
            }
        }
        for (name, idx) in abbreviated {
            g.places.entry(name).or_insert(idx);
        }
        for name in g.places.keys().filter(|k| k.contains(' ')) {
            g.place_words.extend(name.split(' ').map(str::to_string));
        }
        for line in include_str!("../../data/given-names.txt").lines() {
            if !line.starts_with('#') && !line.is_empty() {
                g.given.insert(line.to_string());
            }
        }
        g
    })
}

impl Gazetteer {
    /// The place a folded name denotes, if any.
    pub fn place(&self, folded: &str) -> Option<&Place> {
        self.places.get(folded).map(|&i| &self.entries[i])
    }

    /// The continent or region an adjective made with `-n` or `-an` names (`African`,
    /// `European`, `Californian`), which the country lists hold no demonym for.
    pub fn derived_demonym(&self, folded: &str) -> Option<&Place> {
        let word = folded.strip_suffix('s').unwrap_or(folded);
        [word.strip_suffix("an"), word.strip_suffix('n')]
            .into_iter()
            .flatten()
            .filter_map(|stem| self.place(stem))
            .find(|p| matches!(p.kind, PlaceKind::Continent | PlaceKind::Region))
    }

    /// The country a folded demonym (or its plural) belongs to.
    pub fn demonym(&self, folded: &str) -> Option<&Place> {
        let hit = self
            .demonyms
            .get(folded)
            .or_else(|| folded.strip_suffix('s').and_then(|s| self.demonyms.get(s)));
        hit.map(|&i| &self.entries[i])
    }

    /// True when `word` (as written) is a known given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }
}

/// Weekdays and months: capitalised in English but never entities.
pub const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Function words that are capitalised only at the start of a sentence or in a title.
pub const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "to",
    "of",
    "and",
    "or",
    "but",
    "if",
    "as",
    "after",
    "before",
    "during",
    "while",
    "when",
    "where",
    "why",
    "how",
    "what",
    "who",
    "which",
    "there",
    "here",
    "also",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "any",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "according",
    "among",
    "amid",
    "under",
    "over",
    "since",
    "until",
    "despite",
    "because",
    "although",
    "though",
    "however",
    "moreover",
    "therefore",
    "meanwhile",
    "yet",
    "so",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "mr",
    "mrs",
    "ms",
    "later",
    "earlier",
    "still",
    "instead",
    "indeed",
    "thus",
    "hence",
    "besides",
    "nevertheless",
    "nonetheless",
    "overall",
    "finally",
    "first",
    "second",
    "third",
    "last",
    "next",
    "once",
    "only",
    "even",
    "just",
    "perhaps",
    "maybe",
    "already",
    "again",
    "recently",
    "currently",
    "previously",
    "further",
    "furthermore",
    "additionally",
    "separately",
    "similarly",
    "likewise",
    "otherwise",
    "rather",
    "unlike",
    "like",
    "whether",
    "whatever",
    "whoever",
    "many",
    "most",
    "few",
    "several",
    "such",
    "other",
    "another",
    "more",
    "less",
    "much",
    "very",
    "well",
    "one",
    "two",
    "three",
    "can",
    "will",
    "would",
    "should",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "let",
    "please",
    "thanks",
    "dear",
];

/// Words that head a title or role written before a name (`President`, `Minister`, `Sir`).
pub const ROLE_HEADS: &[&str] = &[
    "president",
    "vice-president",
    "minister",
    "ministers",
    "secretaries",
    "representatives",
    "secretary-general",
    "chancellor",
    "ambassador",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "ayatollah",
    "sultan",
    "princess",
    "pope",
    "administrator",
    "sir",
    "dame",
    "lord",
    "lady",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "ceo",
    "director",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "commander",
    "colonel",
    "col",
    "lt",
    "lieutenant",
    "captain",
    "capt",
    "admiral",
    "marshal",
    "sheikh",
    "emir",
    "premier",
    "speaker",
    "leader",
    "coach",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "cardinal",
    "sergeant",
    "sgt",
    "major",
    "prosecutor",
    "attorney",
    "president-elect",
    "foreign",
    "defence",
    "defense",
    "mp",
    "mps",
    "mep",
    "meps",
    "adm",
    "maj",
    "cmdr",
    "gov",
    "treasurer",
    "comptroller",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "councilwoman",
    "sheriff",
    "detective",
    "superintendent",
];

/// Words that modify a role head (`Prime` Minister, `Foreign` Minister, `Deputy` Mayor).
pub const ROLE_MODIFIERS: &[&str] = &[
    "associate",
    // `Shadow Treasurer`, `Shadow Foreign Secretary`: the opposition's spokesperson.
    "shadow",
    "prime",
    "deputy",
    "vice",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "economy",
    "economic",
    "health",
    "trade",
    "justice",
    "permanent",
    "former",
    "acting",
    "executive",
    "head",
    "chief",
    "general",
    "secretary",
    "state",
    "senior",
    "first",
    "crown",
    "supreme",
    "grand",
    "energy",
    "education",
    "culture",
    "transport",
    "agriculture",
    "environment",
    "labour",
    "labor",
    "home",
    "security",
    "national",
    "armed",
    "forces",
    "rear",
    "minority",
    "majority",
    "affairs",
    "district",
    "assistant",
    // `Industrial Relations Minister`.
    "industrial",
    "relations",
];

/// Folded last words of a company's full legal name (`Apple Inc`, `Samsung Electronics Co`).
pub const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "limited",
    "llc",
    "plc",
    "ag",
    "sa",
    "nv",
    "se",
    "spa",
    "gmbh",
    "bv",
    "ab",
    "asa",
    "oyj",
    "holdings",
    "group",
];

/// Lower-case words that make `Officer` a role head (`Chief Operating Officer`); they qualify
/// a role as [`ROLE_MODIFIERS`] do.
pub const OFFICER_KINDS: &[&str] = &[
    "executive",
    "financial",
    "operating",
    "technology",
    "information",
    "medical",
    "investment",
];

/// Lower-case words before a name that make it a person (`president Iohannis`).
pub const ROLE_BEFORE: &[&str] = &[
    "president",
    "minister",
    "ministers",
    "leader",
    "chairman",
    "chairwoman",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary-general",
    "chancellor",
    "senator",
    "governor",
    "mayor",
    "ceo",
    "executive",
    "founder",
    "director",
    "commissioner",
    "envoy",
    "premier",
    "king",
    "queen",
    "general",
    "colonel",
    "candidate",
    "coach",
    "judge",
    "prosecutor",
    "lawyer",
    "analyst",
    "professor",
    "economist",
    "author",
    "journalist",
    "reporter",
    "editor",
    "actor",
    "singer",
    "player",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
];

/// Lower-case words after a name that make it the organisation someone works for
/// (`Goldman Sachs economist`, `Kremlin spokesman`, `Hamas leader`).
pub const EMPLOYER_BEFORE: &[&str] = &[
    "economist",
    "economists",
    "analyst",
    "analysts",
    "executive",
    "executives",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "engineer",
    "engineers",
    "employee",
    "employees",
    "shareholders",
    "chairman",
    "chairwoman",
    "boss",
    "founder",
    "co-founder",
    "strategist",
    "strategists",
    "leader",
    "chief",
    "president",
];

/// Lower-case prepositions: a name after one is its object, not the subject of the verb after
/// it (`analysts at Morgan Stanley said`, `plants in Ohio, said`).
pub const PREPOSITIONS: &[&str] = &[
    "at", "of", "in", "from", "for", "with", "by", "on", "to", "near", "about", "against", "into",
    "over", "under", "between", "across", "outside", "inside", "within",
];

/// Lower-case nouns that open a sentence before a role as its subject's kind, not a name
/// (`Opposition leader`, `Military spokesman`), besides the organisation and place nouns.
pub const COMMON_HEADS: &[&str] = &[
    "opposition",
    "military",
    "industry",
    "campaign",
    "rebel",
    "rebels",
    "team",
];

/// Lower-case nouns an apposition names an organisation by (`Wedbush, a brokerage`,
/// `Safaricom, the country's largest company`).
pub const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "bank",
    "lender",
    "insurer",
    "startup",
    "start-up",
    "maker",
    "manufacturer",
    "producer",
    "carmaker",
    "automaker",
    "chipmaker",
    // `shipping giant Maersk`.
    "giant",
    "drugmaker",
    "planemaker",
    "steelmaker",
    "shipbuilder",
    "miner",
    "carrier",
    "utility",
    "retailer",
    "brokerage",
    "airline",
    "broadcaster",
    "newspaper",
    "agency",
    "party",
    "charity",
    "conglomerate",
    "operator",
    "supplier",
    "publisher",
    "nonprofit",
    "subsidiary",
    "regulator",
    "union",
    "journal",
    "magazine",
    "tabloid",
    "outlet",
];

/// Lower-case nouns before `in` or `of` that make the next name a company (`shares in Tesla`).
pub const HOLDINGS: &[&str] = &["shares", "stake", "stakes", "stock", "stocks"];

/// Points of the compass that open place names (`West Bank`, `North Sea`).
pub const COMPASS: &[&str] = &["north", "south", "east", "west", "left", "right"];

/// Lower-case nouns before `of` that make the next name a place (`the city of Jericho`).
pub const PLACE_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "region",
    "province",
    "state",
    "county",
    "district",
    "port",
    "island",
    "capital",
    "suburb",
    "municipality",
];

/// Portfolios written after a role and `of` (`Secretary of State`, `Minister of Finance`).
pub const PORTFOLIOS: &[&str] = &[
    "state",
    "defence",
    "defense",
    "finance",
    "foreign",
    "interior",
    "justice",
    "health",
    "trade",
    "commerce",
    "energy",
    "education",
    "culture",
    "transport",
    "transportation",
    "agriculture",
    "environment",
    "labour",
    "labor",
    "treasury",
    "war",
    "homeland",
    "veterans",
    "housing",
    "staff",
    "economy",
    "police",
    "home",
    "exchequer",
    "oil",
    "petroleum",
    "mines",
    "industry",
    "planning",
    "information",
    "tourism",
    "fisheries",
];

/// Portfolios of two words (`Foreign Affairs`, `Homeland Security`): the first word.
pub const PORTFOLIO_FIRSTS: &[&str] = &["foreign", "home", "homeland", "veterans", "internal"];

/// Words before a month that make it a date (`in May`, `since January`), not a given name.
pub const BEFORE_DATES: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "last",
    "next",
    "early",
    "late",
    "mid",
    "of",
    "before",
    "after",
    "during",
    "between",
    "and",
    "or",
    "each",
    "every",
    "this",
    "that",
    "throughout",
    "around",
    "about",
];

/// Verbs of speech after a name that make it a person (`Rutte said`).
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "spoke",
    "speaks",
    "says",
    "told",
    "added",
    "stressed",
    "noted",
    "wrote",
    "tweeted",
    "announced",
    "argued",
    "asked",
    "insisted",
    "warned",
    "explained",
    "claimed",
    "believes",
    "pointed",
    "recalled",
    "replied",
    "admitted",
    "acknowledged",
    "urged",
    "emphasized",
    "emphasised",
    "underlined",
    "confirmed",
    "denied",
    "commented",
    "suggested",
    "thinks",
];

/// Last words that make a name an organisation.
pub const ORG_CUES: &[&str] = &[
    "house",
    "ministry",
    "committee",
    "council",
    "agency",
    "organization",
    "organisation",
    "union",
    "bank",
    "fund",
    "party",
    "parliament",
    "court",
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "plc",
    "group",
    "university",
    "college",
    "school",
    "institute",
    "foundation",
    "association",
    "federation",
    "commission",
    "office",
    "department",
    "service",
    "services",
    "forces",
    "army",
    "navy",
    "police",
    "times",
    "post",
    "news",
    "press",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "bureau",
    "board",
    "authority",
    "company",
    "co",
    "airlines",
    "airways",
    "industries",
    "holdings",
    "technologies",
    "club",
    "fc",
    "united",
    "assembly",
    "congress",
    "senate",
    "cabinet",
    "government",
    "presidency",
    "embassy",
    "secretariat",
    "network",
    "media",
    "broadcasting",
    "management",
    "motor",
    "motors",
    "church",
    "command",
    "guard",
    "alliance",
    "coalition",
    "movement",
    "front",
    "reuters",
    "society",
    "center",
    "centre",
    "hospital",
    "exchange",
    "nations",
    "reserve",
    "electronics",
    "systems",
    "energy",
    "pharmaceuticals",
    "financial",
    "communications",
    "telecom",
    "laboratories",
    "labs",
    "entertainment",
    "studios",
    "petroleum",
    "insurance",
    "securities",
    "investments",
    "partners",
    "brands",
    "logistics",
    "chemicals",
    "aerospace",
    "dynamics",
    "automotive",
    "railways",
    "league",
    "chamber",
    "trust",
    "tribunal",
    "academy",
    "guards",
    "devices",
    "platforms",
    "software",
    "solutions",
    "therapeutics",
    "robotics",
    "semiconductor",
    "semiconductors",
    "ventures",
    "enterprises",
    "bancorp",
    "capital",
    "pictures",
    "lines",
    "records",
    "films",
    "productions",
    "administration",
    "democrats",
    "republicans",
    "socialists",
    "conservatives",
    "liberals",
    "greens",
    // Trades a company's name ends with (`Bell Resources`, `McGinley Futures`, `Toshiba
    // Machine`); not those that are also surnames (`Mills`, `Steel`, `Power`).
    "resources",
    "machine",
    "machines",
    "machinery",
    "futures",
    "savings",
    "farms",
    "foods",
    "mining",
    "mines",
    "minerals",
    "metals",
    "oil",
    "gas",
    "products",
    "brothers",
    "associates",
    "properties",
    "realty",
    "stores",
    "shipping",
    "aviation",
    "textiles",
    "electric",
    "chemical",
    "exploration",
    "refining",
    "trading",
    "helicopter",
    "helicopters",
    "breweries",
    "brewery",
    "utilities",
    "telegraph",
    "telephone",
    "television",
    "beverages",
    "books",
    "bros",
    "division",
    "treasury",
    "industrie",
    "dept",
    "airline",
    "tire",
    "tyre",
    "shop",
    // `Goldman Sachs International`, `Amnesty International`.
    "international",
];

/// Last words that make a name a place.
pub const PLACE_CUES: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "lake",
    "mountains",
    "mountain",
    "island",
    "islands",
    "peninsula",
    "gulf",
    "bay",
    "strait",
    "straits",
    "valley",
    "desert",
    "coast",
    "region",
    "district",
    "province",
    "county",
    "oblast",
    "square",
    "street",
    "avenue",
    "airport",
    "memorial",
    "bridge",
    "park",
    "palace",
    "canal",
    "channel",
    "basin",
    "plateau",
    "city",
    "town",
    "village",
    "heights",
    "highlands",
    "plain",
    "forest",
    "port",
    "harbour",
    "harbor",
    "stadium",
    "arena",
    "station",
    "cape",
    "republic",
    "gap",
    "strip",
    "highway",
    "motorway",
    "freeway",
    // Buildings people visit, as places: `Notre-Dame Cathedral`, `Umayyad Mosque`.
    "cathedral",
    "mosque",
    "basilica",
    "abbey",
    "synagogue",
    "tower",
    "theatre",
    "theater",
];

/// Lower-case words after a name that make it a place (`the Kaliningrad region`).
pub const PLACE_AFTER: &[&str] = &[
    "region",
    "regions",
    "states",
    "countries",
    "province",
    "coast",
    "border",
    "capital",
    "airport",
    "airfield",
    "district",
    "area",
    "suburb",
];

/// Lower-case words after a name that make it an organisation (`the Al Qaeda network`, `Varnel
/// headquarters`); roles after a name are [`EMPLOYER_BEFORE`].
pub const ORG_AFTER: &[&str] = &[
    "network",
    "networks",
    "organisation",
    "organization",
    "organisations",
    "organizations",
    "militia",
    "militias",
    "movement",
    "faction",
    "subsidiary",
    "subsidiaries",
    "affiliate",
    "affiliates",
    "stockholders",
    "headquarters",
];

/// Last words that make a name an event, programme, product or other named thing.
pub const OTHER_CUES: &[&str] = &[
    "summit",
    "conference",
    "forum",
    "games",
    "cup",
    "championship",
    "festival",
    "olympics",
    "act",
    "treaty",
    "agreement",
    "initiative",
    "programme",
    "program",
    "war",
    "award",
    "prize",
    "accord",
    "pact",
    "plan",
    "doctrine",
    "strategy",
    "declaration",
    "protocol",
    "project",
    "index",
    "composite",
    "average",
    "bowl",
    "open",
    "championships",
    "prix",
    "marathon",
    "series",
    "award",
    "awards",
    "framework",
    "trophy",
    "medal",
];

/// Lower-case words after a name that make it an event, programme, product or other thing
/// (`Patriot missile`, `Baltic Sentry operation`).
pub const OTHER_AFTER: &[&str] = &[
    "missile",
    "missiles",
    "system",
    "systems",
    "operation",
    "exercise",
    "exercises",
    "initiative",
    "programme",
    "program",
    "agreement",
    "treaty",
    "pact",
    "accord",
    "project",
    "strategy",
    "process",
    "doctrine",
    "pandemic",
    "virus",
    "vaccine",
    "tank",
    "tanks",
    "jet",
    "jets",
    "aircraft",
    "drone",
    "drones",
    "fighter",
    "fighters",
    "rocket",
    "rockets",
    "launcher",
    "launchers",
    "howitzer",
    "howitzers",
    "award",
    "prize",
    "festival",
    "conference",
    "format",
    "app",
    "smartphone",
    "software",
    "platform",
    "battery",
    "unit",
    "units",
    "mission",
    "law",
    "bill",
    "title",
    "titles",
    "tournament",
    "lander",
    "rover",
    "probe",
    "spacecraft",
    "satellite",
    "telescope",
    "booster",
    "capsule",
    // `the ChatGPT maker`: what a company makes.
    "maker",
    // `the DAX index`.
    "index",
];

/// Words before a name that make it the outlet or organisation being cited (`according to X`, `quoted by X`).
pub const CITED_BEFORE: &[&str] = &["according to", "quoted by", "reported by", "told", "via"];

/// Common English abbreviations that are not names (`GDP`, `CEO`, `AI`).
pub const COMMON_ACRONYMS: &[&str] = &[
    "gdp", "gnp", "cpi", "mvp", "gp", "ceo", "cfo", "coo", "cto", "ai", "it", "tv", "pc", "gmt",
    "utc", "am", "pm", "ok", "dna", "rna", "vat", "ipo", "faq", "pdf", "url", "ppe", "suv", "lgbt",
    "lgbtq", "cctv", "atm", "id", "pr", "hr", "rss", "usb", "gps", "diy", "vip", "mp", "mps",
    "phd", "mba", "ad", "bc", "ce", "bce", "etc", "aka", "asap", "fyi", "eta", "q1", "q2", "q3",
    "q4", "kg", "km", "mph", "kph", "bbq", "ev", "evs", "lng", "gw", "mw", "kw", "kwh",
];

/// True when `word` (folded) is in `list`.
pub fn is(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_carry_demonyms_and_alternates() {
        let g = get();
        assert_eq!(g.demonym("dutch").unwrap().name, "Netherlands");
        assert_eq!(g.demonym("lithuanians").unwrap().name, "Lithuania");
        assert_eq!(g.place("us").unwrap().name, "United States");
        assert!(g.place("the hague").is_some());
        assert!(
            g.place("it").is_none(),
            "two-letter country codes are not names"
        );
        assert!(g.is_given_name("Mark"));
    }
}
