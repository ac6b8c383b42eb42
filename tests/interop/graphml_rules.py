"""Checks a GraphML file against the rules Gephi's importer needs (docs/data-model.md, "Per format"):
every <key> has for="node" or for="edge" and an attr.type of a scalar type; key ids are semantic,
never auto-numbered d0, d1, …; no list-typed keys; every <data key> refers to a declared key of
the right domain. Prints each problem and exits 1 if there is any, 0 otherwise.

Usage: graphml_rules.py FILE
"""

import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"
SCALAR = {"boolean", "int", "long", "float", "double", "string"}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = ET.parse(sys.argv[1]).getroot()
    problems = []
    domains = {}
    for key in root.iter(NS + "key"):
        kid = key.get("id", "")
        if re.fullmatch(r"d\d+", kid):
            problems.append(f"key id {kid!r} is auto-numbered (Gephi may take it for the label)")
        if key.get("for") not in ("node", "edge"):
            problems.append(f"key {kid!r} has for={key.get('for')!r}, not node or edge")
        if key.get("attr.type") not in SCALAR:
            problems.append(f"key {kid!r} has attr.type={key.get('attr.type')!r}")
        if key.get("attr.list") is not None:
            problems.append(f"key {kid!r} is a list type")
        domains[kid] = key.get("for")
    for kind in ("node", "edge"):
        for element in root.iter(NS + kind):
            for data in element.findall(NS + "data"):
                if domains.get(data.get("key")) != kind:
                    problems.append(f"{kind} {element.get('id')!r} uses undeclared or wrong-domain key {data.get('key')!r}")
    if not any(k == "label" and d == "node" for k, d in domains.items()):
        problems.append("no node key with id 'label'")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
