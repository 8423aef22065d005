"""One ETag per answer (issue 11): a strong ETag promises the same bytes, so the calendars, the events
pages and the API must give different answers (another host, scheme, query or language) different
ETags, and the same answer the same one, still from the content version without reading a row."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

HOSTS = ["testserver", "localhost"]
ADDRESSES = [
    "/en/events/calendar.ics",
    "/en/events/calendar.ics?city=tartu",
    "/en/events/calendar.ics?city=genoa",
    "/et/events/calendar.ics?city=tartu",
    "/en/events/thematic-event-tartu-2020-01/event.ics",
    "/en/events/",
    "/en/events/?city=tartu",
    "/en/events/thematic-event-tartu-2020-01/",
    "/api/events/",
    "/api/events/?lang=et",
    "/api/events/?city=tartu&lang=et",
    "/api/events/?lang=et&city=tartu",
    "/api/practices/?lang=hu",
]


@pytest.fixture
def demo(demo_for_module, db):
    """Here the demo content is loaded once for the whole module (tests/conftest.py)."""


def fetch(client, address, host="testserver", secure=False, **headers):
    response = client.get(address, headers=headers, HTTP_HOST=host, secure=secure)
    assert response.status_code == 200, (address, response.status_code)
    return response


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_no_two_different_answers_share_an_etag(client, demo):
    bodies = {}
    for address in ADDRESSES:
        for host in HOSTS:
            for secure in (False, True):
                response = fetch(client, address, host=host, secure=secure)
                bodies.setdefault(response["ETag"], set()).add(response.content)
    shared = {etag: len(found) for etag, found in bodies.items() if len(found) > 1}
    assert not shared, f"ETags given to different bodies: {shared}"
    # Every (address, host, scheme) answers differently here: each has its own ETag.
    assert len(bodies) == len(ADDRESSES) * len(HOSTS) * 2


@pytest.mark.parametrize(
    "address",
    ["/en/events/calendar.ics?city=tartu", "/api/events/?lang=et", "/en/events/thematic-event-tartu-2020-01/"],
)
def test_same_path_over_https_or_on_another_host_has_another_etag(client, demo, address):
    plain = fetch(client, address)
    secure = fetch(client, address, secure=True)
    other_host = fetch(client, address, host="localhost")

    assert len({plain["ETag"], secure["ETag"], other_host["ETag"]}) == 3
    assert b"http://testserver/" in plain.content
    assert b"https://testserver/" in secure.content
    assert b"http://localhost/" in other_host.content


def test_etag_of_one_address_gets_no_304_from_another(client, demo):
    tartu = fetch(client, "/en/events/calendar.ics?city=tartu")

    assert client.get("/en/events/calendar.ics?city=tartu", headers={"if-none-match": tartu["ETag"]}).status_code == 304
    assert client.get("/en/events/calendar.ics?city=genoa", headers={"if-none-match": tartu["ETag"]}).status_code == 200
    assert (
        client.get(
            "/en/events/calendar.ics?city=tartu", headers={"if-none-match": tartu["ETag"]}, secure=True
        ).status_code
        == 200
    )


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_same_api_answer_to_browsers_of_different_languages_has_one_etag(client, demo):
    # The language is the `lang` parameter's: the browser's Accept-Language changes neither bytes nor ETag.
    answers = [fetch(client, "/api/events/?lang=et", **{"accept-language": code}) for code in ("hu", "sv", "en")]

    assert len({answer["ETag"] for answer in answers}) == 1
    assert len({answer.content for answer in answers}) == 1


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_calendar_fetched_again_has_the_same_etag_and_the_same_bytes(client, demo):
    first = fetch(client, "/en/events/calendar.ics?city=tartu")
    again = fetch(client, "/en/events/calendar.ics?city=tartu")

    assert (again["ETag"], again.content) == (first["ETag"], first.content)


@override_settings(PUBLIC_PAGE_CACHE=False)
@pytest.mark.parametrize(
    "address", ["/en/events/calendar.ics?city=tartu", "/api/events/?city=tartu&lang=et", "/en/events/?city=tartu"]
)
def test_revalidation_by_etag_reads_no_row(client, demo, django_assert_num_queries, address):
    etag = fetch(client, address)["ETag"]

    with django_assert_num_queries(0):
        response = client.get(address, headers={"if-none-match": etag})

    assert response.status_code == 304
