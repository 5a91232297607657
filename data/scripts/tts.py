"""Speech synthesis with measured word timings, via libespeak-ng (python3 stdlib + ctypes).

libespeak-ng's synth callback hands us the PCM samples *and* an event list in which
every espeakEVENT_WORD carries the text offset of the word and the sample index at which
its sound starts.  Nothing here is estimated from text length: word starts come from
those events, and word ends are the last non-silent 5 ms frame before the next word's
start (espeak-ng renders pauses as exact digital silence, so this is unambiguous).

espeak-ng sometimes folds an unstressed word into its neighbour (e.g. "On the" yields a
single WORD event).  Such a word has no time of its own, so it is kept together with the
preceding timed word ("On the" becomes one timed word) rather than given an invented time.
"""

import ctypes as C
import re

AUDIO_OUTPUT_SYNCHRONOUS = 2
INITIALIZE_DONT_EXIT = 0x8000
EVENT_LIST_TERMINATED = 0
EVENT_WORD = 1
POS_CHARACTER = 1
CHARS_UTF8 = 1
PARAM_RATE = 1
PARAM_PITCH = 3
PARAM_RANGE = 4

FRAME = 5  # ms, for silence detection
SILENCE_PEAK = 150  # |sample| at or below this in a whole frame counts as silence


class _Event(C.Structure):
    _fields_ = [
        ("type", C.c_int),
        ("unique_identifier", C.c_uint),
        ("text_position", C.c_int),  # 1-based character offset in the text
        ("length", C.c_int),
        ("audio_position", C.c_int),  # ms
        ("sample", C.c_int),  # sample index
        ("user_data", C.c_void_p),
        ("id", C.c_char * 8),
    ]


_CALLBACK = C.CFUNCTYPE(C.c_int, C.POINTER(C.c_short), C.c_int, C.POINTER(_Event))


class Speaker:
    """One libespeak-ng instance in synchronous mode."""

    def __init__(self):
        try:
            self.lib = C.CDLL("libespeak-ng.so.1")
        except OSError as exc:
            raise SystemExit(
                "libespeak-ng.so.1 not found: install espeak-ng (apt-get install espeak-ng)"
            ) from exc
        lib = self.lib
        lib.espeak_Initialize.restype = C.c_int
        lib.espeak_SetVoiceByName.argtypes = [C.c_char_p]
        lib.espeak_SetParameter.argtypes = [C.c_int, C.c_int, C.c_int]
        lib.espeak_Synth.argtypes = [
            C.c_char_p, C.c_size_t, C.c_uint, C.c_int, C.c_uint, C.c_uint, C.c_void_p, C.c_void_p,
        ]
        self.rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, INITIALIZE_DONT_EXIT)
        if self.rate <= 0:
            raise SystemExit("espeak_Initialize failed")
        self._samples = []
        self._events = []
        self._cb = _CALLBACK(self._on_synth)  # keep a reference: ctypes must not free it
        lib.espeak_SetSynthCallback(self._cb)

    def _on_synth(self, wav, n, events):
        if wav and n > 0:
            self._samples.extend(wav[:n])
        i = 0
        while events[i].type != EVENT_LIST_TERMINATED:
            e = events[i]
            if e.type == EVENT_WORD:
                self._events.append((e.text_position, e.length, e.sample))
            i += 1
        return 0

    def say(self, text, voice, rate=160, pitch=50, pitch_range=50):
        """Synthesize one sentence. Returns (samples: list[int], words: list[dict]).

        words: [{"text", "start", "end"}] with start/end in samples relative to the sentence.
        """
        lib = self.lib
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise SystemExit(f"espeak-ng voice not found: {voice}")
        lib.espeak_SetParameter(PARAM_RATE, rate, 0)
        lib.espeak_SetParameter(PARAM_PITCH, pitch, 0)
        lib.espeak_SetParameter(PARAM_RANGE, pitch_range, 0)
        self._samples, self._events = [], []
        data = text.encode("utf-8")
        err = lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
        if err != 0:
            raise SystemExit(f"espeak_Synth failed ({err}) for: {text}")
        lib.espeak_Synchronize()
        samples = self._samples
        return samples, self._words(text, samples, self._events)

    def _words(self, text, samples, events):
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
        starts = [None] * len(tokens)
        for pos, _length, sample in events:
            idx = pos - 1
            for k, (a, b, _t) in enumerate(tokens):
                if a <= idx < b:
                    starts[k] = sample if starts[k] is None else min(starts[k], sample)
                    break
        if all(s is None for s in starts):
            raise SystemExit(f"espeak-ng reported no word events for: {text}")
        # Group tokens: each timed token opens a group; untimed ones join the previous group
        # (or the first group, if they come before any timed token).
        groups = []
        pending = []
        for k, tok in enumerate(tokens):
            if starts[k] is None:
                if groups:
                    groups[-1]["tokens"].append(tok[2])
                else:
                    pending.append(tok[2])
            else:
                groups.append({"tokens": pending + [tok[2]], "start": starts[k]})
                pending = []
        for g1, g2 in zip(groups, groups[1:]):
            if g2["start"] < g1["start"]:
                raise SystemExit(f"word events out of order in: {text}")
        frame = self.rate * FRAME // 1000
        words = []
        for i, g in enumerate(groups):
            lo = g["start"]
            hi = groups[i + 1]["start"] if i + 1 < len(groups) else len(samples)
            start, end = _voiced_span(samples, lo, hi, frame)
            words.append({"text": " ".join(g["tokens"]), "start": start, "end": end})
        return words


def _voiced_span(samples, lo, hi, frame):
    """First and last non-silent frame in [lo, hi); (lo, lo+frame) if all silent."""
    first = last = None
    pos = lo
    while pos < hi:
        end = min(pos + frame, hi)
        if max(abs(x) for x in samples[pos:end]) > SILENCE_PEAK:
            if first is None:
                first = pos
            last = end
        pos = end
    if first is None:
        return lo, min(lo + frame, hi)
    return first, last
