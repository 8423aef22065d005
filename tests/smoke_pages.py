"""Run inside `manage.py shell` by test_smoke_sqlite: fetch every public page listed in the
sitemap (and each language alternate), plus the feeds, calendar and APIs, on the current database."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.test import Client

client = Client(HTTP_HOST="localhost")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}

index = client.get("/sitemap.xml")
assert index.status_code == 200, index.status_code
paths = set()
# The sitemap index names the sitemaps; each lists pages.
for sitemap_loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", NS):
    address = urlsplit(sitemap_loc.text)
    sitemap = client.get(address.path + (f"?{address.query}" if address.query else ""))
    assert sitemap.status_code == 200, (sitemap_loc.text, sitemap.status_code)
    for url in ET.fromstring(sitemap.content).findall("s:url", NS):
        paths.add(urlsplit(url.find("s:loc", NS).text).path)
        for link in url.findall("x:link", NS):
            paths.add(urlsplit(link.get("href")).path)
paths |= {
    "/",
    "/robots.txt",
    "/en/news/feed/",
    "/et/news/atom/",
    "/en/events/calendar.ics?city=tartu",
    "/api/events/?city=gavle&lang=et",
    "/api/practices/?lang=hu",
    "/en/search/?q=Genoa",
    "/et/search/?q=BETTER",
}
failures = []
for path in sorted(paths):
    response = client.get(path, follow=path == "/")
    if response.status_code != 200:
        failures.append(f"{path} -> {response.status_code}")
# Accents are ignored on this database too: "Nyiregyhaza" finds Nyíregyháza's hits.
unaccented = client.get("/en/search/?q=Nyiregyhaza").content.decode()
if 'class="search-hit"' not in unaccented or "Nyíregyháza" not in unaccented:
    failures.append("/en/search/?q=Nyiregyhaza -> no hit")
print(f"SMOKE pages={len(paths)} failures={len(failures)}")
for failure in failures:
    print("SMOKE FAIL", failure)
