"""Phone-sized screenshots of the public site for the README (Playwright + Debian's chromium).

    DEBUG=1 .venv/bin/python manage.py runserver 127.0.0.1:8150 &   # with the demo loaded
    .venv/bin/python scripts/screenshot_public.py http://127.0.0.1:8150

Writes docs/screenshots/<name>.png at 390×844 CSS pixels (an ordinary phone), device scale 2.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = {
    "home-phone": "/zh-hant/sly/",
    "home-phone-en": "/en/sly/",
    "questionnaire-phone": "/zh-hant/sly/questionnaire/",
    "questionnaire-phone-en": "/en/sly/questionnaire/",
}


def main(base: str, names: list[str]) -> None:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        for name, path in SHOTS.items():
            if names and name not in names:
                continue
            page.goto(base.rstrip("/") + path)
            page.screenshot(path=str(out / f"{name}.png"))
            print(out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8150", sys.argv[2:])
