#!/usr/bin/env python3
"""Consistency checks for the generated media, transcripts, translations, article and annotations.

    python3 data/scripts/check.py            # check everything, exit 1 on any problem
    python3 data/scripts/check.py --suggest  # print prefix/suffix for each claim's exact text

Run by data/generate.sh after generating. Stdlib only (ffprobe for the media checks).
"""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "data", "demo")
FIXTURE = os.path.join(ROOT, "test", "fixtures", "media")

problems = []


def fail(msg):
    problems.append(msg)
    print(f"FAIL {msg}")


def ok(msg):
    print(f"ok   {msg}")


# ---------------------------------------------------------------- transcripts

TIME = r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)"


def parse_time(s):
    h, m, sec, ms = map(int, re.fullmatch(TIME, s).groups())
    return ((h * 60 + m) * 60 + sec) * 1000 + ms


def read_vtt(path):
    """Minimal reader for the VTT files we write: header fields and cues."""
    with open(path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    head = blocks[0].split("\n")
    assert head[0] == "WEBVTT", f"{path}: no WEBVTT header"
    header = dict(line.split(": ", 1) for line in head[1:])
    cues = []
    for block in blocks[1:]:
        lines = [x for x in block.split("\n") if x]
        if not lines or lines[0].startswith("NOTE"):
            continue
        cid, timing, *text = lines
        m = re.fullmatch(TIME.replace("(", "(?:") + r" --> " + TIME.replace("(", "(?:"), timing)
        assert m, f"{path}: bad timing line {timing!r}"
        start, end = (parse_time(t) for t in timing.split(" --> "))
        body = "\n".join(text)
        vm = re.match(r"<v ([^>]+)>", body)
        speaker = vm.group(1) if vm else None
        stamps = [parse_time(t) for t in re.findall(r"<(\d\d:\d\d:\d\d\.\d\d\d)>", body)]
        plain = re.sub(r"<[^>]*>", "", body)
        plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        cues.append({"id": cid, "start": start, "end": end, "speaker": speaker,
                     "text": plain, "stamps": stamps})
    return header, cues


def sec_ms(x):
    return round(x * 1000)


def check_transcript(label, vtt_path, json_path, lang):
    header, vcues = read_vtt(vtt_path)
    with open(json_path, encoding="utf-8") as f:
        data = json.load(f)
    if header.get("Language") != lang or data.get("lang") != lang or data.get("version") != 1:
        fail(f"{label}: language/version header")
    jcues = data["cues"]
    if len(vcues) != len(jcues):
        fail(f"{label}: {len(vcues)} VTT cues vs {len(jcues)} JSON cues")
    prev_end = -1
    for i, (v, j) in enumerate(zip(vcues, jcues), start=1):
        where = f"{label} cue {j['id']}"
        if v["id"] != str(i) or j["id"] != str(i):
            fail(f"{where}: ids must be 1..N")
        if (v["start"], v["end"]) != (sec_ms(j["start"]), sec_ms(j["end"])):
            fail(f"{where}: VTT and JSON times differ")
        if not (prev_end < v["start"] < v["end"]):
            fail(f"{where}: times do not increase")
        if v["start"] - prev_end < 300 and prev_end >= 0:
            fail(f"{where}: gap before cue under 0.3 s")
        prev_end = v["end"]
        if v["text"] != j["text"] or v["speaker"] != j["speaker"]:
            fail(f"{where}: VTT and JSON text/speaker differ")
        words = j.get("words", [])
        if " ".join(w["text"] for w in words) != j["text"]:
            fail(f"{where}: words do not spell the text")
        ws = [sec_ms(w["start"]) for w in words]
        if ws[0] != v["start"] or sec_ms(words[-1]["end"]) != v["end"]:
            fail(f"{where}: words do not span the cue")
        if any(b < a for a, b in zip(ws, ws[1:])) or any(sec_ms(w["end"]) < sec_ms(w["start"]) for w in words):
            fail(f"{where}: word times not ordered")
        if v["stamps"] != ws[1:]:
            fail(f"{where}: VTT word timestamps differ from JSON words")
    ok(f"{label}: {len(jcues)} cues, {sum(len(c['words']) for c in jcues)} words, "
       f"last cue ends {jcues[-1]['end']:.3f} s")
    return vcues


def check_translation(label, path, lang, en_cues, names):
    header, cues = read_vtt(path)
    if header.get("Language") != lang:
        fail(f"{label}: header Language should be {lang}")
    same = [(c["id"], c["start"], c["end"]) for c in cues] == [
        (c["id"], c["start"], c["end"]) for c in en_cues]
    if not same:
        fail(f"{label}: cue ids/times differ from English")
    text = " ".join(c["text"] for c in cues)
    foreign = {"uk": "ыэёъЫЭЁЪ", "ru": "іїєґІЇЄҐ"}[lang]
    bad = sorted({ch for ch in text if ch in foreign})
    if bad:
        fail(f"{label}: letters of the other language: {''.join(bad)}")
    if re.search(r"[A-Za-z]", text):
        fail(f"{label}: Latin letters in translation")
    if any(c["stamps"] for c in cues):
        fail(f"{label}: translation should have no word timestamps")
    for c, e in zip(cues, en_cues):
        if c["speaker"] != names[e["speaker"]]:
            fail(f"{label} cue {c['id']}: speaker {c['speaker']!r}")
    ok(f"{label}: {len(cues)} cues aligned with English")


# ---------------------------------------------------------------- media

def probe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries",
                          "stream=codec_type,codec_name,width,height,r_frame_rate:format=duration",
                          "-of", "json", path], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def top_level_boxes(path):
    boxes = []
    with open(path, "rb") as f:
        while True:
            head = f.read(8)
            if len(head) < 8:
                return boxes
            size = int.from_bytes(head[:4], "big")
            kind = head[4:].decode("latin-1")
            if size == 1:
                size = int.from_bytes(f.read(8), "big")
                f.seek(size - 16, 1)
            else:
                f.seek(size - 8, 1)
            boxes.append(kind)


def check_media(label, base, width, height, fps, last_end_ms, max_bytes):
    for ext, vcodec, acodec in (("webm", "vp9", "opus"), ("mp4", "h264", "aac")):
        path = f"{base}.{ext}"
        info = probe(path)
        streams = {s["codec_type"]: s for s in info["streams"]}
        v, a = streams.get("video", {}), streams.get("audio", {})
        dur = float(info["format"]["duration"])
        size = os.path.getsize(path)
        desc = f"{label}.{ext}: {v.get('codec_name')}/{a.get('codec_name')} {v.get('width')}x{v.get('height')}" \
               f" @{v.get('r_frame_rate')}, {dur:.3f} s, {size} bytes"
        if (v.get("codec_name"), a.get("codec_name")) != (vcodec, acodec):
            fail(f"{desc}: expected {vcodec}/{acodec}")
        elif (v.get("width"), v.get("height"), v.get("r_frame_rate")) != (width, height, f"{fps}/1"):
            fail(f"{desc}: expected {width}x{height} @{fps}")
        elif not (last_end_ms / 1000 < dur < last_end_ms / 1000 + 2):
            fail(f"{desc}: duration does not fit the transcript (last cue ends {last_end_ms / 1000} s)")
        elif size > max_bytes:
            fail(f"{desc}: larger than {max_bytes} bytes")
        elif ext == "mp4" and top_level_boxes(path).index("moov") > top_level_boxes(path).index("mdat"):
            fail(f"{desc}: moov after mdat (not faststart)")
        else:
            ok(desc)


# ---------------------------------------------------------------- article and annotations

ALLOWED = {"article", "p", "h1", "h2", "em", "strong", "a", "blockquote"}


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.bad.append(f"<{tag}>")
        for k, v in attrs:
            if not (tag == "a" and k == "href" and v == "#"):
                self.bad.append(f"<{tag} {k}>")

    def handle_data(self, data):
        self.parts.append(data)


def article_text():
    with open(os.path.join(DEMO, "article.html"), encoding="utf-8") as f:
        html = f.read()
    p = TextOf()
    p.feed(html)
    p.close()
    for b in p.bad:
        fail(f"article.html: element/attribute not allowed: {b}")
    if re.search(r"<(html|head|body)\b", html):
        fail("article.html: must be a fragment")
    return re.sub(r"\s+", " ", "".join(p.parts)).strip()


def suggest(text, exact, n=28):
    i = text.find(exact)
    pre = text[max(0, i - n):i]
    if i - n > 0 and " " in pre:
        pre = pre[pre.index(" ") + 1:]
    end = i + len(exact)
    suf = text[end:end + n]
    if end + n < len(text) and " " in suf.rstrip():
        suf = suf[:suf.rstrip().rindex(" ")]
    return pre, suf


LINK = re.compile(r"\[[^\]\[]+\]\((https://example\.org/[^)\s]*)\)")


def check_annotations(en_json, suggest_only=False):
    text = article_text()
    with open(os.path.join(DEMO, "annotations.json"), encoding="utf-8") as f:
        data = json.load(f)
    if suggest_only:
        for c in data["claims"]:
            pre, suf = suggest(text, c["quote"]["exact"])
            print(json.dumps({"id": c["id"], "prefix": pre, "suffix": suf}, ensure_ascii=False))
        return
    with open(en_json, encoding="utf-8") as f:
        cues = {c["id"]: c for c in json.load(f)["cues"]}
    order = list(cues)
    if data.get("version") != 1:
        fail("annotations: version must be 1")
    for key in ("media", "article"):
        if not isinstance(data.get(key), dict):
            fail(f"annotations: {key} missing")
    claim_ids = set()
    for c in data["claims"]:
        q = c["quote"]
        exact, pre, suf = q["exact"], q.get("prefix", ""), q.get("suffix", "")
        n = text.count(exact)
        if n != 1:
            fail(f"claim {c['id']}: exact text found {n} times in the article")
            continue
        i = text.index(exact)
        if not text[:i].endswith(pre) or not text[i + len(exact):].startswith(suf):
            fail(f"claim {c['id']}: prefix/suffix do not match the article text")
        elif not (15 <= len(pre) <= 35 and 15 <= len(suf) <= 35):
            fail(f"claim {c['id']}: prefix/suffix length {len(pre)}/{len(suf)}")
        else:
            ok(f"claim {c['id']}: anchored ({len(exact)} chars)")
        if c["id"] in claim_ids:
            fail(f"claim {c['id']}: duplicate id")
        claim_ids.add(c["id"])
    used = set()
    relations = set()
    ann_ids = set()
    noncontiguous = timed = False
    for a in data["annotations"]:
        aid = a["id"]
        if aid in ann_ids:
            fail(f"annotation {aid}: duplicate id")
        ann_ids.add(aid)
        rel = a["relation"]
        relations.add(rel)
        if rel not in ("supports", "contradicts", "context", "unsupported"):
            fail(f"annotation {aid}: relation {rel}")
        for cid in a.get("claims", []):
            if cid not in claim_ids:
                fail(f"annotation {aid}: unknown claim {cid}")
            used.add(cid)
        if not a.get("claims"):
            fail(f"annotation {aid}: no claims")
        linked = list(a.get("cues", []))
        for cid in linked:
            if cid not in cues:
                fail(f"annotation {aid}: unknown cue {cid}")
        if "time" in a:
            timed = True
            t0, t1 = a["time"]["start"], a["time"]["end"]
            over = [k for k, c in cues.items() if c["start"] < t1 and c["end"] > t0]
            if not over or t0 >= t1:
                fail(f"annotation {aid}: time range overlaps no cue")
            else:
                ok(f"annotation {aid}: time {t0}-{t1} s overlaps cues {', '.join(over)}")
        idx = sorted(order.index(c) for c in linked if c in cues)
        if any(b - a_ > 1 for a_, b in zip(idx, idx[1:])):
            noncontiguous = True
        if rel == "unsupported" and (linked or "time" in a):
            fail(f"annotation {aid}: unsupported must not link cues")
        if rel != "unsupported" and not linked and "time" not in a:
            fail(f"annotation {aid}: {rel} needs cues or time")
        if rel == "context" and not a.get("sources"):
            fail(f"annotation {aid}: context needs sources")
        for s in a.get("sources", []):
            if not s.get("title") or not s.get("url", "").startswith("https://example.org/"):
                fail(f"annotation {aid}: sources must be example.org placeholders")
        body = a.get("body", "")
        links = LINK.findall(body)
        if len(links) > 1 or re.search(r"[<>]|\]\(", LINK.sub("", body)):
            fail(f"annotation {aid}: body must be plain text with at most one example.org link")
    missing = claim_ids - used
    if missing:
        fail(f"claims with no annotation: {sorted(missing)}")
    need = {"supports", "contradicts", "context", "unsupported"}
    if relations != need:
        fail(f"annotations: relations present {sorted(relations)}, need {sorted(need)}")
    if not noncontiguous:
        fail("annotations: none spans non-contiguous cues")
    if not timed:
        fail("annotations: none given by time")
    ok(f"annotations: {len(data['claims'])} claims, {len(data['annotations'])} annotations, "
       f"relations {', '.join(sorted(relations))}")


def main():
    if "--suggest" in sys.argv:
        check_annotations(os.path.join(DEMO, "statement.en.json"), suggest_only=True)
        return
    with open(os.path.join(DEMO, "script.json"), encoding="utf-8") as f:
        script = json.load(f)

    fx = check_transcript("fixture talk", os.path.join(FIXTURE, "talk.vtt"),
                          os.path.join(FIXTURE, "talk.json"), "en")
    check_media("fixture talk", os.path.join(FIXTURE, "talk"), 160, 120, 10, fx[-1]["end"], 200_000)

    en = check_transcript("demo statement.en", os.path.join(DEMO, "statement.en.vtt"),
                          os.path.join(DEMO, "statement.en.json"), "en")
    spoken = [" ".join(line["text"].split()) for line in script["lines"]]
    if [c["text"] for c in en] != spoken:
        fail("demo: English cue texts differ from the spoken script")
    else:
        ok("demo: English cue texts are the spoken sentences")
    for lang in script["translations"]:
        names = {k: v["names"][lang] for k, v in script["speakers"].items()}
        check_translation(f"demo statement.{lang}", os.path.join(DEMO, f"statement.{lang}.vtt"),
                          lang, en, names)
    check_media("demo statement", os.path.join(DEMO, "statement"), 640, 360, 15, en[-1]["end"],
                1_500_000)
    check_annotations(os.path.join(DEMO, "statement.en.json"))

    if problems:
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
