"""Opens the HTML report in headless Chromium, takes a screenshot and dumps the rendered DOM, then
checks the charts rendered: the topic chart has one non-empty polyline.series per topic in its
legend, the speaker chart has bars, and the screenshot is not blank.

Usage: html_report_check.py REPORT.html SCREENSHOT.png
Prints a JSON summary; exits 1 when a check fails, 2 when Chromium is missing.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


class Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.series = []
        self.legend = []
        self.bars = 0
        self.in_legend = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "polyline" and "series" in classes:
            self.series.append((a.get("data-topic"), a.get("points", "")))
        if tag == "ul" and a.get("id") == "topic-legend":
            self.in_legend = True
        if tag == "li" and self.in_legend and a.get("data-topic"):
            self.legend.append(a["data-topic"])
        if tag == "rect" and "bar" in classes:
            self.bars += 1

    def handle_endtag(self, tag):
        if tag == "ul":
            self.in_legend = False


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    report, shot = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        print("no chromium on PATH", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as profile:
        common = [browser, *FLAGS, f"--user-data-dir={profile}"]
        subprocess.run([*common, f"--screenshot={shot}", "--window-size=1280,2400", report.as_uri()], check=True, capture_output=True, timeout=120)
        dom = subprocess.run([*common, "--dump-dom", report.as_uri()], check=True, capture_output=True, timeout=120, text=True).stdout
    charts = Charts()
    charts.feed(dom)
    image = Image.open(shot).convert("RGB")
    colours = len(image.getcolors(maxcolors=1 << 20) or [])
    summary = {
        "series": [t for t, _ in charts.series],
        "legend": charts.legend,
        "empty_series": [t for t, p in charts.series if len(p.split()) < 2],
        "bars": charts.bars,
        "screenshot": [image.width, image.height],
        "colours": colours,
    }
    print(json.dumps(summary))
    ok = (
        summary["series"]
        and summary["series"] == summary["legend"]
        and not summary["empty_series"]
        and summary["bars"] > 0
        and colours > 50
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
