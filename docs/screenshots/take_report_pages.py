"""Take the first page of each report for docs/reports.md, from the documented example checks.

Run it from the repository root (it needs ``pdftoppm`` from poppler-utils):

    .venv/bin/python docs/screenshots/take_report_pages.py

The dossier, police and municipality pages are of the hemp case
(``landlord-residential-hemp-signs``), the FIU-Nederland page of the estate agent's cash deposit
(``broker-buyer-cash-deposit``); both are finalized first in a temporary data folder. The PNG
files are written next to this script; nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from vastgoedcheck.domain.check import Decision  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage.store import Store  # noqa: E402

HERE = Path(__file__).resolve().parent
EXAMPLES = ROOT / "docs" / "examples"
DECISIONS = {
    "landlord-residential-hemp-signs": Decision(
        "report_recommended", "Hennepgeur en geknoei aan de meterkast; gemeld bij de politie."
    ),
    "broker-buyer-cash-deposit": Decision(
        "must_report", "Aanbetaling van € 15.000 contant voldaan; gemeld bij FIU-Nederland."
    ),
}
PAGES = (
    ("landlord-residential-hemp-signs", "dossier"),
    ("landlord-residential-hemp-signs", "police"),
    ("landlord-residential-hemp-signs", "municipality"),
    ("broker-buyer-cash-deposit", "fiu"),
)


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is needed (poppler-utils)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work_folder:
        work = Path(work_folder)
        data = work / "data"
        ids: dict[str, str] = {}
        with Store.open(data, PackRegistry.builtin(), actor="M. Jansen") as store:
            for name, decision in DECISIONS.items():
                document = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
                [(check_id, _stored)] = store.import_checks([document], f"{name}.json")
                store.set_decision(check_id, decision)
                store.finalize(check_id)
                ids[name] = check_id
        for name, recipient in PAGES:
            pdf = work / f"{recipient}.pdf"
            command = [sys.executable, "-m", "vastgoedcheck", "--data-dir", str(data)]
            command += ["report", ids[name], "--recipient", recipient, "--lang", "nl"]
            subprocess.run([*command, "-o", str(pdf)], check=True)
            target = HERE / f"report-{recipient}-nl"
            first_page = ["-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile"]
            subprocess.run(["pdftoppm", *first_page, str(pdf), str(target)], check=True)
            print(f"wrote {target.with_suffix('.png').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
