"""The process the crash harness kills: accepts cases through the real services, forever.

Run as ``python -m tests.crash_child DB_PATH DATA_DIR SEED``. After each acceptance has
returned (its transaction committed) it prints ``ok <case id> <number> <materials>`` and
flushes, so the parent knows exactly which cases the program has promised to keep.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path


def main(db_path: str, data_dir: str, seed: str) -> None:
    from app.clock import system_clock
    from app.db import open_database
    from app.demo import random_mobile, random_resident_id
    from app.services import Services
    from app.services.intake import ApplicantInput, IntakeForm, MaterialStatus, MaterialTick

    rng = random.Random(int(seed))
    services = Services.create(open_database(f"sqlite:///{db_path}"), Path(data_dir), clock=system_clock)
    matters = [m for m in services.reference.matters() if m.promised_days > 0]
    today = services.ctx.today()
    print("ready", flush=True)
    while True:
        matter = rng.choice(matters)
        form = IntakeForm(
            matter_code=matter.code,
            applicant=ApplicantInput(name=rng.choice(["张建国", "李秀英", "王志强", "刘桂兰"]),
                                     id_number=random_resident_id(rng, today), phone=random_mobile(rng),
                                     address="示例镇东王村12号", village="东王村"),
            location="示例镇东王村", area=f"{rng.randint(1, 900)}平方米",
            materials=[MaterialTick(m.code, MaterialStatus.RECEIVED, m.copies) if m.required
                       else MaterialTick(m.code, MaterialStatus.NOT_APPLICABLE) for m in matter.materials],
        )
        outcome = services.intake.accept(form)
        print(f"ok {outcome.case_id} {outcome.number} {len(matter.materials)}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
