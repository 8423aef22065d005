"""The cities' real press releases, read-only in the shared folder beside the checkout (tests only:
the site never reads it)."""

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "press-release-samples"
EN_SAMPLE = SAMPLES / "en-better-adopt-good-practices.txt"
ET_SAMPLE = SAMPLES / "et-better-teise-etappi.txt"
