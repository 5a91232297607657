#!/usr/bin/env python3
"""Build a narrated video and its transcripts from a script file.

    python3 data/scripts/build_media.py SCRIPT.json OUTDIR BASENAME

SCRIPT.json holds the speakers (espeak-ng voice settings, names per language), the lines
(English text plus optional translations keyed by language code) and the picture settings.
Writes, in OUTDIR:
    BASENAME.webm           VP9 + Opus
    BASENAME.mp4            H.264 + AAC, moov atom first (faststart)
    BASENAME.<lang>.vtt     or BASENAME.vtt when "single_vtt" is true: cue ids, <v Speaker>,
                            inline word timestamps
    BASENAME.<lang>.json    or BASENAME.json: the project's transcript JSON, with words
    BASENAME.<xx>.vtt       one per translation language: same cue ids and times

All times come from the synthesized audio (see tts.py); the same input gives the same
text outputs, and ffmpeg runs single-threaded with bitexact flags so the media bytes are
reproducible on the same ffmpeg build too.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import wave

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tts import Speaker  # noqa: E402

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT_SANS = os.path.join(FONT_DIR, "DejaVuSans.ttf")
FONT_BOLD = os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")
FONT_MONO = os.path.join(FONT_DIR, "DejaVuSansMono.ttf")
HAVE_FONTS = all(os.path.exists(f) for f in (FONT_SANS, FONT_BOLD, FONT_MONO))

BITEXACT = ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-map_metadata", "-1", "-map_chapters", "-1"]


def ms(samples, rate):
    return (samples * 1000 + rate // 2) // rate


def vtt_time(t_ms):
    h, rest = divmod(t_ms, 3600000)
    m, rest = divmod(rest, 60000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


def vtt_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def synthesize(script):
    """Returns (pcm samples, rate, cues) with cue/word times in integer ms."""
    tts = Speaker()
    rate = tts.rate
    timing = script["timing"]
    pcm = [0] * ms_to_samples(timing["lead_in_ms"], rate)
    cues = []
    prev_speaker = None
    for n, line in enumerate(script["lines"], start=1):
        spk = script["speakers"][line["speaker"]]
        samples, words = tts.say(line["text"], spk["voice"], spk.get("rate", 160),
                                 spk.get("pitch", 50), spk.get("range", 50))
        a, b = words[0]["start"], words[-1]["end"]
        if cues:
            gap = timing["speaker_change_gap_ms"] if line["speaker"] != prev_speaker else timing["gap_ms"]
            pcm.extend([0] * ms_to_samples(gap, rate))
        offset = len(pcm) - a
        pcm.extend(samples[a:b])
        text = " ".join(w["text"] for w in words)
        if text != " ".join(line["text"].split()):
            raise SystemExit(f"word split lost text in line {n}: {text!r}")
        cues.append({
            "id": str(n),
            "start": ms(offset + a, rate),
            "end": ms(offset + b, rate),
            "speaker": line["speaker"],
            "text": text,
            "words": [{"start": ms(offset + w["start"], rate), "end": ms(offset + w["end"], rate),
                       "text": w["text"]} for w in words],
        })
        prev_speaker = line["speaker"]
    pcm.extend([0] * ms_to_samples(timing["tail_ms"], rate))
    return pcm, rate, cues


def ms_to_samples(t_ms, rate):
    return t_ms * rate // 1000


def write_wav(path, pcm, rate):
    import array
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(array.array("h", pcm).tobytes())


def write_vtt(path, cues, lang, speaker_name, texts=None, notes=(), word_times=True):
    out = ["WEBVTT", f"Language: {lang}", ""]
    for note in notes:
        out += [f"NOTE {note}", ""]
    for i, cue in enumerate(cues):
        out.append(cue["id"])
        out.append(f"{vtt_time(cue['start'])} --> {vtt_time(cue['end'])}")
        if texts is not None:
            body = vtt_escape(texts[i])
        elif word_times:
            parts = []
            for k, w in enumerate(cue["words"]):
                stamp = "" if k == 0 else f"<{vtt_time(w['start'])}>"
                parts.append(stamp + vtt_escape(w["text"]))
            body = " ".join(parts)
        else:
            body = vtt_escape(cue["text"])
        out.append(f"<v {speaker_name(cue['speaker'])}>{body}")
        out.append("")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


def write_json(path, cues, lang, speaker_name):
    def sec(t_ms):
        return round(t_ms / 1000, 3)

    data = {"version": 1, "lang": lang, "cues": [
        {"id": c["id"], "start": sec(c["start"]), "end": sec(c["end"]), "text": c["text"],
         "speaker": speaker_name(c["speaker"]),
         "words": [{"start": sec(w["start"]), "end": sec(w["end"]), "text": w["text"]}
                   for w in c["words"]]}
        for c in cues]}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(format_transcript(data))


def format_transcript(data):
    """Readable, diff-friendly JSON: one cue header per line, one word per line."""
    def dump(v):
        return json.dumps(v, ensure_ascii=False)

    out = ['{ "version": %d, "lang": %s,' % (data["version"], dump(data["lang"])), '  "cues": [']
    for i, c in enumerate(data["cues"]):
        head = {k: v for k, v in c.items() if k != "words"}
        out.append("    " + dump(head)[:-1] + ',')
        out.append('      "words": [')
        words = [f"        {dump(w)}" for w in c["words"]]
        out.append(",\n".join(words))
        out.append("      ] }" + ("," if i + 1 < len(data["cues"]) else ""))
    out.append("  ] }")
    text = "\n".join(out) + "\n"
    if json.loads(text) != data:
        raise SystemExit("transcript JSON formatting error")
    return text


# ---------------------------------------------------------------- picture

def drawtext(tmp, name, text, font, size, color, x, y, enable=None, box=None):
    """A drawtext filter; the text goes through a file so it needs no filtergraph escaping."""
    path = os.path.join(tmp, f"{name}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    parts = [f"fontfile={font}", f"textfile={path}", "expansion=none", f"fontsize={size}",
             f"fontcolor={color}", f"x={x}", f"y={y}"]
    if box:
        parts += ["box=1", f"boxcolor={box}", "boxborderw=6"]
    if enable:
        parts.append(f"enable='{enable}'")
    return "drawtext=" + ":".join(parts)


def clock(size, color, x, y):
    return (f"drawtext=fontfile={FONT_MONO}:text='%{{pts\\:hms}}':fontsize={size}:"
            f"fontcolor={color}:x={x}:y={y}")


def picture_filters(script, cues, tmp):
    pic = script["picture"]
    style = pic["style"]
    if not HAVE_FONTS:
        print("warning: DejaVu fonts not found; the picture will carry no text", file=sys.stderr)
        return ["null"]
    f = []
    if style == "fixture":
        # The current cue's number, big, plus the speaker's name and a running clock.
        for c in cues:
            on = f"between(t,{c['start'] / 1000:.3f},{c['end'] / 1000:.3f})"
            f.append(drawtext(tmp, f"n{c['id']}", c["id"], FONT_BOLD, 54, "white",
                              "(w-tw)/2", "(h-th)/2-8", on))
            f.append(drawtext(tmp, f"s{c['id']}", c["speaker"], FONT_SANS, 12, "0xffd27f",
                              "(w-tw)/2", "6", on))
        f.append(clock(13, "0x9fd3ff", "(w-tw)/2", "h-th-6"))
    elif style == "demo":
        f.append("drawbox=x=0:y=0:w=iw:h=46:color=0xe0b000:t=fill")
        f.append(drawtext(tmp, "banner", pic["banner"], FONT_BOLD, 24, "0x111111",
                          "(w-tw)/2", "12"))
        f.append(drawtext(tmp, "name", pic["name"], FONT_BOLD, 46, "white", "(w-tw)/2", "112"))
        f.append(drawtext(tmp, "role", pic["role"], FONT_SANS, 20, "0xcfe3f5", "(w-tw)/2", "176"))
        f.append(drawtext(tmp, "footer", pic["footer"], FONT_SANS, 14, "0x9db4c9", "24", "h-30"))
        for spk, label in pic["speaking"].items():
            spans = speaker_runs(cues, spk)
            if not spans:
                continue
            on = "+".join(f"between(t,{a / 1000:.3f},{b / 1000:.3f})" for a, b in spans)
            f.append(drawtext(tmp, f"speaking-{len(f)}", label, FONT_SANS, 20, "white",
                              "24", "h-82", on, box="0x000000@0.45"))
        f.append(clock(20, "0xffe27a", "w-tw-24", "h-32"))
    else:
        raise SystemExit(f"unknown picture style {style}")
    return f


def speaker_runs(cues, speaker):
    """(start_ms, end_ms) of each run of consecutive cues by this speaker."""
    runs = []
    prev = None
    for c in cues:
        if c["speaker"] == speaker:
            if prev == speaker:
                runs[-1] = (runs[-1][0], c["end"])
            else:
                runs.append((c["start"], c["end"]))
        prev = c["speaker"]
    return runs


def encode(script, cues, wav, duration_ms, outdir, base, tmp):
    pic = script["picture"]
    w, h, fps = pic["width"], pic["height"], pic["fps"]
    dur = f"{duration_ms / 1000:.3f}"
    filt_path = os.path.join(tmp, "video.filter")
    with open(filt_path, "w", encoding="utf-8") as fh:
        fh.write(",\n".join(picture_filters(script, cues, tmp)))
    src = ["-f", "lavfi", "-i", f"color=c={pic['background']}:s={w}x{h}:r={fps}:d={dur}", "-i", wav]
    common = ["-filter_script:v", filt_path, "-map", "0:v", "-map", "1:a", "-t", dur,
              "-pix_fmt", "yuv420p", "-g", str(fps * pic.get("gop_seconds", 2)), "-threads", "1", "-ac", "1"]
    enc = pic.get("encode", {})
    webm = ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", str(enc.get("vp9_crf", 38)),
            "-deadline", "good", "-cpu-used", "4", "-row-mt", "0", "-tile-columns", "0",
            "-c:a", "libopus", "-b:a", enc.get("opus_bitrate", "32k"), "-ar", "48000",
            *BITEXACT, os.path.join(outdir, f"{base}.webm")]
    mp4 = ["-c:v", "libx264", "-preset", "slow", "-crf", str(enc.get("x264_crf", 28)),
           "-tune", "stillimage", "-profile:v", "high",
           "-c:a", "aac", "-b:a", enc.get("aac_bitrate", "48k"), "-ar", "44100",
           "-movflags", "+faststart", *BITEXACT, os.path.join(outdir, f"{base}.mp4")]
    for out in (webm, mp4):
        cmd = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *src, *common, *out]
        subprocess.run(cmd, check=True)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    script_path, outdir, base = sys.argv[1:]
    with open(script_path, encoding="utf-8") as f:
        script = json.load(f)
    os.makedirs(outdir, exist_ok=True)
    for tool in ("ffmpeg", "ffprobe"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: install ffmpeg (apt-get install ffmpeg)")

    pcm, rate, cues = synthesize(script)
    duration_ms = ms(len(pcm), rate)
    lang = script.get("lang", "en")
    speakers = script["speakers"]

    def name_in(code):
        return lambda key: speakers[key].get("names", {}).get(code, key)

    single = script.get("single_vtt", False)
    stem = os.path.join(outdir, base if single else f"{base}.{lang}")
    notes = script.get("vtt_notes", [])
    write_vtt(f"{stem}.vtt", cues, lang, name_in(lang), notes=notes)
    write_json(f"{stem}.json", cues, lang, name_in(lang))
    for code in script.get("translations", []):
        texts = [line[code] for line in script["lines"]]
        write_vtt(os.path.join(outdir, f"{base}.{code}.vtt"), cues, code, name_in(code),
                  texts=texts, notes=script.get("vtt_notes_" + code, []))

    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "speech.wav")
        write_wav(wav, pcm, rate)
        encode(script, cues, wav, duration_ms, outdir, base, tmp)

    last = cues[-1]
    print(f"{outdir}/{base}: {len(cues)} cues, {sum(len(c['words']) for c in cues)} timed words, "
          f"speech ends {last['end'] / 1000:.3f} s, audio {duration_ms / 1000:.3f} s")


if __name__ == "__main__":
    main()
