"""A large role catalogue for the end-to-end tests.

Made by ../shared/bench/gen_catalog.py beside the repository (or in RACI_BENCH_SHARED) when it
is there, else by a plainer generator of the same size here (words drawn with a fixed seed),
so that the tests that need one run anywhere.
"""

import os
import random
import subprocess


def bench_folder(root):
    return os.environ.get("RACI_BENCH_SHARED", os.path.join(root, "..", "shared", "bench"))


def write_catalogue(path, roles, per_role, root, timeout=120):
    """Writes a YAML matrix of `roles` roles of `per_role` duties each to `path`; returns which
    generator made it."""
    generator = os.path.join(bench_folder(root), "gen_catalog.py")
    if os.path.exists(generator):
        subprocess.run(["/usr/bin/python3", generator, str(roles), str(per_role), path], check=True,
                       timeout=timeout)
        return "gen_catalog.py"
    pick = random.Random(7).choice
    verbs = "assess coach plan track report align review define improve document estimate".split()
    things = "hiring plan|release scope|risk register|team charter|incident review|roadmap|budget".split("|")
    places = "for the squad|across squads|with product|for leadership|every sprint|with finance".split("|")
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("title: Generated catalogue\nroles:\n")
        for r in range(roles):
            f.write(f"  - id: R{r:04d}\n    name: Role {r:04d}\n    duties:\n")
            for d in range(per_role):
                word = "".join(pick(syllables) for _ in range(3))
                f.write(f"      - {pick(verbs).capitalize()} the {word} {pick(things)} {pick(places)} {d}\n")
    return "the tests' own generator"
