"""A synthetic corpus of news articles, with the claims each contains as ground truth.

    python -m bench.corpus --articles 10000 --seed 1 --out build/bench/corpus-10k

writes DIR/articles/*.txt and DIR/truth.jsonl. Every article is made from its
own random stream (seeded by the corpus seed and the article's number), so the
same seed gives byte-identical files, and the first N articles of a larger
corpus are the N articles of a smaller one: a corpus of N + 1 is a corpus of N
with one article added.

An article looks like those in articles/: a headline (sometimes after page
furniture), a date line, a byline or wire credit, and paragraphs in which
officials, governments and anonymous sources give figures ("X said",
"according to X", "X wrote on Telegram"), hedged ("more than", "about",
"up to"...), written in digits ("1,245", "1 000", "1.2K") or words ("nineteen",
"two hundred"), sometimes as a swap ("95 Ukrainian prisoners for 95 Russian
servicemen"). Background sentences carry numbers that count no one (years,
ages, money, durations), some articles are hard-wrapped, some have CRLF line
endings or a byte-order mark, and page furniture carries decoy figures
(related headlines, comment counts) that are not claims.

truth.jsonl has one line per claim, in article order: source_id, figure (as
written), figure_start (character offset into the decoded text: byte-order
mark removed, CRLF as LF, as in the sources table), value, subject, side,
qualifier, measure and claimant (the name as written, or null when the outlet
states the figure in its own voice).
"""

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

OUTLETS = (
    # (name, wire it credits or None, how it signs off)
    ("The Moscow Times", None, "moscow"),
    ("The Kyiv Independent", None, "kyiv"),
    ("Reuters", "Reuters", "wire"),
    ("Associated Press", "AP", "wire"),
    ("TRT World", "AFP", "wire"),
    ("Brussels Morning", None, "plain"),
    ("Ukrainska Pravda", None, "kyiv"),
    ("Meduza", None, "plain"),
    ("Al Jazeera", "AFP", "wire"),
    ("Euronews", "AP", "wire"),
    ("Ukrinform", None, "kyiv"),
    ("TASS", None, "moscow"),
)
AUTHORS = ("Sarhan Basem", "Olena Kovalenko", "Mark Trevelyan", "Anna Petrova", "Tom Balmforth", "Iryna Shevchenko", None, None)

# (name as written, side of the speaker)
CLAIMANTS = (
    ("Vladimir Medinsky", "russia"),
    ("Russia's Defence Ministry", "russia"),
    ("Tatyana Moskalkova", "russia"),
    ("Moscow", "russia"),
    ("the Coordination Headquarters for the Treatment of Prisoners of War", "ukraine"),
    ("Volodymyr Zelensky", "ukraine"),
    ("Dmytro Lubinets", "ukraine"),
    ("Rustem Umerov", "ukraine"),
    ("Kyiv", "ukraine"),
    ("an anonymous source", "unknown"),
)
UNITS = {
    "ukraine": {
        "bodies": ("bodies of {n} Ukrainian soldiers", "{n} bodies of fallen Ukrainian servicemen", "the remains of {n} Ukrainian troops"),
        "prisoners": ("{n} Ukrainian prisoners of war", "{n} Ukrainian servicemen held in captivity", "{n} Ukrainian POWs"),
        "killed": ("{n} Ukrainian soldiers were killed",),
    },
    "russia": {
        "bodies": ("bodies of {n} Russian soldiers", "{n} bodies of Russian servicemen", "the remains of {n} Russian troops"),
        "prisoners": ("{n} Russian prisoners of war", "{n} Russian servicemen", "{n} Russian POWs"),
        "killed": ("{n} Russian soldiers were killed",),
    },
}
QUALIFIERS = {
    "exact": ("",),
    "more_than": ("more than ", "over "),
    "at_least": ("at least ",),
    "about": ("about ", "around ", "some "),
    "up_to": ("up to ",),
    "fewer_than": ("fewer than ", "less than "),
}
SMALL_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

BACKGROUND = (
    "Tens of thousands of soldiers have been killed on both sides since the war began in February 2022, according to independent monitors.",
    "Neither country publishes regular or independently verifiable casualty figures.",
    "The exchanges are among the few areas of cooperation between the warring sides in the three-year war.",
    "Photos shared by state media showed teams in white hazmat suits moving body bags between refrigerated trucks.",
    "Identification of the remains may take months, investigators said.",
)
PEOPLE = (
    "relatives of missing soldiers", "volunteers from the {city} region", "lawyers for the families", "military chaplains",
    "local officials in {city}", "the mayor of {city}", "human rights monitors", "forensic experts", "the regional governor",
    "members of parliament", "diplomats in {city}", "mediators from Turkey", "Red Cross staff", "doctors at the {city} hospital",
)
ACTIONS = (
    "gathered outside the {place} on {weekday}", "asked for news of {thing}", "met for {hours} hours in {city}",
    "warned that {thing} could take {months} months", "called for {thing} before the {nth} round of talks",
    "said the {place} had been shelled {times} times since {year}", "raised ${money} million for {thing}",
    "travelled {km} km to reach the {place}", "described {thing} as a first step", "welcomed {thing}",
)
THINGS = (
    "the identification of remains", "a wider ceasefire", "an all-for-all exchange", "the return of civilians",
    "access for international observers", "DNA testing", "the search for the missing", "new humanitarian corridors",
    "a meeting of the delegations", "the {year} agreement", "compensation for the families",
)
PLACES = ("border crossing", "morgue in {city}", "Red Cross office", "ministry building", "railway station", "town hall")
CITIES = ("Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia", "Sumy", "Chernihiv", "Belgorod", "Kursk", "Rostov", "Istanbul", "Geneva", "Abu Dhabi")
NTH = ("second", "third", "fourth", "fifth", "next")


def background(rng):
    """A sentence that counts no one, with numbers that are not figures (years, hours, money, distances)."""
    if rng.random() < 0.15:
        return rng.choice(BACKGROUND)
    fill = dict(
        city=rng.choice(CITIES), weekday=rng.choice(WEEKDAYS), hours=rng.randint(2, 9), months=rng.randint(2, 18),
        nth=rng.choice(NTH), times=rng.randint(3, 40), year=rng.randint(2014, 2025), money=rng.randint(2, 90),
        km=rng.randint(20, 900),
    )
    fill["place"] = rng.choice(PLACES).format(**fill)
    fill["thing"] = rng.choice(THINGS).format(**fill)
    who = rng.choice(PEOPLE).format(**fill)
    text = f"{who[0].upper()}{who[1:]} {rng.choice(ACTIONS).format(**fill)}"
    if rng.random() < 0.3:
        text += f", {rng.choice(('officials said', 'the agency reported', 'according to local media', 'witnesses said'))}"
    return text + "."


FURNITURE_TOP = (
    "Support The {outlet}!",
    "Subscribe for Latest Updates",
    "Menu  Search  Sign in",
    "Live updates | Page 2 of 3",
)
FURNITURE_BOTTOM = (
    "Related: Death toll rises to {a} in air force jet crash, official says",
    "Read more: {a} things to know about the peace talks",
    "{a} comments",
    "Share this article  |  {a} shares",
    "Most read: Flood leaves {a} dead in the south of the country",
    "Sign up for our free weekly newsletter. You will receive it in your mailbox every Friday.",
    "© {year} {outlet}. All rights reserved.",
    "Updated {hh}:{mm} GMT",
    "Follow us on Telegram: {a}K subscribers",
)


def number_words(n):
    """n (1 to 999) in English words: 'nineteen', 'forty-five', 'two hundred'."""
    if n < 20:
        return SMALL_WORDS[n - 1]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS_WORDS[tens - 2] + (f"-{SMALL_WORDS[unit - 1]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    return f"{SMALL_WORDS[hundreds - 1]} hundred" + (f" and {number_words(rest)}" if rest else "")


def write_figure(rng, n):
    """(figure as written, value) for a count of n people."""
    roll = rng.random()
    if n < 100 and roll < 0.35:
        return number_words(n), n
    if n >= 100 and n % 100 == 0 and roll < 0.15:
        return number_words(n // 100 * 100) if n < 1000 else f"{n // 1000:,} thousand" if n % 1000 == 0 else f"{n:,}", n
    if n >= 1000 and n % 100 == 0 and roll < 0.3:
        k = n / 1000
        return (f"{k:.1f}K" if n % 1000 else f"{int(k)}K"), n
    if n >= 1000 and roll < 0.4:
        return f"{n:,}".replace(",", " "), n
    return f"{n:,}", n


class Writer:
    """Builds an article's text and records where each claimed figure sits."""

    def __init__(self):
        self.parts, self.length, self.claims = [], 0, []

    def add(self, text):
        self.parts.append(text)
        self.length += len(text)

    def figure(self, figure, claim):
        self.claims.append(dict(claim, figure=figure, figure_start=self.length))
        self.add(figure)

    def text(self):
        return "".join(self.parts)


def _count(rng, subject, measure):
    if measure in ("agreed", "cumulative"):
        return rng.choice((1000, 1200, 6000, 4800, 6057, 1212, 2239, 5000, 1500))
    if subject == "bodies":
        return rng.choice((rng.randint(10, 99), rng.randint(100, 1300), 1000, 909, 1245, 1248))
    if subject == "killed":
        return rng.randint(2, 60)
    return rng.choice((rng.randint(2, 99), rng.randint(100, 400), 84, 95, 103, 150, 390))


def _claim_sentence(rng, w, when, kind):
    """One sentence giving one or two figures, attributed or not; appends to w."""
    subject = "bodies" if kind == "repatriation" else rng.choice(("prisoners", "prisoners", "prisoners", "killed"))
    side = rng.choice(("ukraine", "ukraine", "russia"))
    claimant, _ = rng.choice(CLAIMANTS) if rng.random() < 0.8 else (None, None)
    style = rng.random()
    if subject == "prisoners" and style < 0.25:
        # A swap: two figures, one for each side.
        a = _count(rng, "prisoners", "transferred")
        b = a if rng.random() < 0.7 else _count(rng, "prisoners", "transferred")
        fa, va = write_figure(rng, a)
        fb, vb = write_figure(rng, b)
        lead = f"{claimant[0].upper() + claimant[1:]} said " if claimant else ""
        w.add(f"{lead}Ukraine and Russia swapped ")
        base = dict(subject="prisoners", qualifier="exact", measure="transferred", claimant=claimant)
        w.figure(fa, dict(base, value=va, side="ukraine"))
        w.add(" Ukrainian prisoners for ")
        w.figure(fb, dict(base, value=vb, side="russia"))
        w.add(f" Russian servicemen on {when}.")
        return
    measure = rng.choice(("transferred",) * 5 + ("cumulative", "agreed", "offered", "planned"))
    qualifier = rng.choice(tuple(QUALIFIERS) + ("exact",) * 4)
    if measure == "cumulative":
        qualifier = rng.choice(("exact", "more_than"))
    n = _count(rng, subject, measure)
    figure, value = write_figure(rng, n)
    hedge = rng.choice(QUALIFIERS[qualifier])
    units = UNITS[side][subject]
    if hedge or measure in ("offered", "planned"):
        units = tuple(u for u in units if u.startswith("{n}")) or units
    unit = rng.choice(units)
    before, after = unit.split("{n}")
    claim = dict(value=value, subject=subject, side=side, qualifier=qualifier, measure=measure, claimant=claimant)
    other = "Russia" if side == "ukraine" else "Ukraine"
    home = "Ukraine" if side == "ukraine" else "Russia"
    if subject == "killed":
        lead = {"transferred": "In the attack, ", "cumulative": "Since the start of the year, ", "agreed": "In the battle, ",
                "offered": "Overnight, ", "planned": "In the assault, "}[measure]
        claim["measure"] = "other" if measure != "cumulative" else "cumulative"
        frame = (lead + hedge, after + " on " + when)
    elif measure == "transferred":
        frame = (f"{other} handed over {hedge}{before}", f"{after} to {home} on {when}")
    elif measure == "cumulative":
        frame = (f"That brings the total number of {subject} returned to {home} to {hedge}", "")
        claim.update(subject=subject)
        unit, before, after = "{n}", "", ""
    elif measure == "agreed":
        frame = (f"The two sides agreed in Istanbul to exchange {hedge}{before}", f"{after} each")
        claim["side"] = "both"
    elif measure == "offered":
        frame = (f"{other} also offered to hand over {hedge or 'another '}{before}", f"{after}")
    else:
        frame = (f"{other} plans to return {hedge}{before}", f"{after} in the coming weeks")
    style = rng.random()
    if claimant is None:
        w.add(frame[0])
        w.figure(figure, claim)
        w.add(frame[1] + ".")
    elif style < 0.4:
        w.add(frame[0][0].upper() + frame[0][1:])
        w.figure(figure, claim)
        w.add(frame[1] + f", {claimant} said.")
    elif style < 0.7:
        w.add(f"According to {claimant}, " + _lower_first(frame[0]))
        w.figure(figure, claim)
        w.add(frame[1] + ".")
    else:
        verb = rng.choice(("wrote on Telegram", "said in a statement", "told reporters", "announced"))
        w.add(f"{claimant[0].upper() + claimant[1:]} {verb} that " + _lower_first(frame[0]))
        w.figure(figure, claim)
        w.add(frame[1] + ".")


def _lower_first(text):
    """A sentence's start made to follow a comma: 'That brings' → 'that brings', 'Russia' stays."""
    first = text.split(" ", 1)[0]
    return text if first in ("Russia", "Ukraine") else text[0].lower() + text[1:]


def _wrap(text, width):
    """Hard-wrap text at width by turning spaces into line breaks: offsets do not move."""
    chars = list(text)
    line_start, last_space = 0, -1
    for i, c in enumerate(chars):
        if c == "\n":
            line_start, last_space = i + 1, -1
        elif c == " ":
            if i - line_start >= width and last_space > line_start:
                chars[last_space] = "\n"
                line_start = last_space + 1
            last_space = i
    return "".join(chars)


COPY_SHARE = 0.06  # articles that carry an earlier article's story (a wire story picked up, a rewrite)


def article(seed, number):
    """(file name, file bytes, truth claims) of article number `number` of corpus `seed`.

    The page (outlet, byline, furniture, wrapping, encoding) comes from the
    article's own random stream; the story (event, headline, paragraphs) from
    that of its story, which for a few articles is an earlier article's.
    """
    rng = random.Random(f"exchange-ledger-corpus:{seed}:{number}")
    outlet, wire, style = rng.choice(OUTLETS)
    author = rng.choice(AUTHORS)
    story_number = number
    if number and rng.random() < COPY_SHARE:
        story_number = rng.randrange(max(0, number - 40), number)
    story = random.Random(f"exchange-ledger-story:{seed}:{story_number}")
    day = date(2022, 3, 1) + timedelta(days=story.randrange(0, 1370))
    published = day + timedelta(days=rng.choice((0, 0, 0, 1)))
    kind = story.choice(("repatriation", "prisoner_exchange"))
    when = story.choice((WEEKDAYS[day.weekday()], f"{MONTHS[day.month - 1]} {day.day}", f"{day.day} {MONTHS[day.month - 1]}"))
    w = Writer()
    decoy = dict(outlet=outlet, year=published.year, hh=f"{rng.randrange(24):02d}", mm=f"{rng.randrange(60):02d}")
    if rng.random() < 0.4:
        w.add(rng.choice(FURNITURE_TOP).format(a=rng.randint(2, 999), **decoy) + "\n\n")
    noun = "bodies" if kind == "repatriation" else "prisoners"
    hn = _count(story, noun, "transferred")
    title = story.choice(
        (
            f"Russia and Ukraine exchange {noun} in latest swap",
            f"Ukraine says {hn:,} {noun} returned from Russia",
            f"{'Repatriation' if kind == 'repatriation' else 'Prisoner exchange'}: {hn:,} come home",
            f"Kyiv and Moscow carry out new {'repatriation' if kind == 'repatriation' else 'prisoner swap'}",
        )
    )
    w.add(title + "\n\n")
    dateline = rng.choice(
        (
            f"{MONTHS[published.month - 1]} {published.day}, {published.year}",
            f"{published.day} {MONTHS[published.month - 1]} {published.year}",
            f"Published: {published:%d.%m.%Y} {decoy['hh']}:{decoy['mm']}",
            f"{published.isoformat()}",
        )
    )
    w.add(dateline + "\n")
    if author:
        w.add(f"By {author}\n")
    w.add("\n")
    paragraphs = story.randint(3, 7)
    claim_paragraphs = set(story.sample(range(paragraphs), story.randint(1, min(3, paragraphs))))
    for p in range(paragraphs):
        if p == 0 and style == "wire":
            city = rng.choice(("KYIV", "MOSCOW", "ISTANBUL"))
            w.add(f"{city}, {MONTHS[published.month - 1]} {published.day} ({wire}) - ")
        for s, sentence in enumerate(background(story) for _ in range(story.randint(1, 3))):
            if s:
                w.add(" ")
            if p in claim_paragraphs and s == 0:
                _claim_sentence(story, w, when, kind)
            else:
                w.add(sentence)
        w.add("\n\n")
    if wire and style != "wire":
        w.add(f"SOURCE: {wire}\n\n")
    for _ in range(rng.randint(0, 4)):
        w.add(rng.choice(FURNITURE_BOTTOM).format(a=rng.randint(2, 1500), **decoy) + "\n")
    text = w.text().rstrip("\n") + "\n"
    if rng.random() < 0.3:
        text = _wrap(text, rng.randint(70, 95))
    source_id = f"{number:07d}_{rng.getrandbits(64):016x}"
    raw = text
    if rng.random() < 0.05:
        raw = raw.replace("\n", "\r\n")
    data = raw.encode("utf-8")
    if rng.random() < 0.03:
        data = b"\xef\xbb\xbf" + data
    truth = [dict(source_id=source_id, **claim) for claim in w.claims]
    for claim in truth:
        written = text[claim["figure_start"]:claim["figure_start"] + len(claim["figure"])]
        assert written.replace("\n", " ") == claim["figure"], (number, claim)
        claim["figure"] = written
    return source_id + ".txt", data, truth


TRUTH_KEYS = ("source_id", "figure", "figure_start", "value", "subject", "side", "qualifier", "measure", "claimant")


def truth_line(claim):
    return json.dumps({k: claim[k] for k in TRUTH_KEYS}, ensure_ascii=False, sort_keys=False) + "\n"


def write_corpus(out, articles, seed=1, start=0):
    """Write articles start..articles-1 of corpus `seed` into out/articles and out/truth.jsonl.

    Returns (number of articles, number of claims). With start > 0 the truth
    file is appended to, so a corpus can be grown by one article.
    """
    out = Path(out)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    claims = 0
    with open(out / "truth.jsonl", "a" if start else "w", encoding="utf-8", newline="\n") as truth:
        for number in range(start, articles):
            name, data, found = article(seed, number)
            (folder / name).write_bytes(data)
            truth.writelines(truth_line(c) for c in found)
            claims += len(found)
    return articles - start, claims


def read_truth(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="How many articles to write.")
    parser.add_argument("--seed", type=int, default=1, help="Corpus seed: the same seed gives the same bytes.")
    parser.add_argument("--out", required=True, help="Folder to write articles/ and truth.jsonl into.")
    parser.add_argument("--start", type=int, default=0, help="First article number (to grow an existing corpus).")
    args = parser.parse_args(argv)
    n, claims = write_corpus(args.out, args.articles, args.seed, args.start)
    print(f"wrote {n} articles and {claims} claims to {args.out}")


if __name__ == "__main__":
    main()
